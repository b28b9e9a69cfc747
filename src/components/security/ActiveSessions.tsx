import { useEffect, useId, useMemo, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import { useAuth, useRevokeOtherTokens, useRevokeToken, useTokens, type ListedToken } from '../../react/index.js';
import { classNames, commonMessage } from '../util.js';
import { defaultActiveSessionsLabels, type ActiveSessionsLabels } from './labels.js';
import { relativeTime } from './relativeTime.js';
import { useLabels, useLang } from '../locale.js';

export interface ActiveSessionsProps {
  labels?: Partial<ActiveSessionsLabels>;
  /** The language of the relative times and dates (a BCP 47 tag, e.g. `nl-BE`); by default the LocaleProvider's, else the browser's. */
  locale?: string;
  /** Names of other applications by id, e.g. `{ [mobileAppId]: 'Mobile app' }`, for their sessions. */
  applicationNames?: Readonly<Record<string, string>>;
  /**
   * Names a session in the list, in its sign-out button's accessible name and in what is announced, e.g. by its
   * application and device. `name` is the default one ("This device", "Another device", the application's name).
   */
  sessionName?: (session: ListedToken, name: string) => string;
  /** The heading's level, to fit the page's outline. Default 2. */
  headingLevel?: 2 | 3 | 4 | 5 | 6;
  className?: string;
}

/** One page of sessions is listed; "Sign out all other devices" reaches every page. */
const LIST = 'limit(50)';
/** How often the relative times are brought up to date. */
const TICK = 30_000;

type Focus = { after: string; target: string } | null;

/**
 * The signed-in user's sessions: this device first, then the others by last use, each with when it began and
 * was last used. Another session signs out at once; this device only after a confirmation (it signs the user out).
 */
export function ActiveSessions({ labels, locale, applicationNames, sessionName, headingLevel = 2, className }: ActiveSessionsProps) {
  const text = useLabels('activeSessions', defaultActiveSessionsLabels, labels);
  const providedLang = useLang();
  const lang = locale ?? providedLang;
  const status = useAuth((s) => s.status);
  const ownApplication = useAuth((s) => s.session?.applicationId);
  const tokens = useTokens({ rql: LIST });
  const revoke = useRevokeToken();
  const revokeOthers = useRevokeOtherTokens();
  const id = useId();
  const now = useNow(TICK);
  const formats = useMemo(
    () => ({
      relative: new Intl.RelativeTimeFormat(lang, { numeric: 'auto' }),
      absolute: new Intl.DateTimeFormat(lang, { dateStyle: 'medium', timeStyle: 'short' }),
    }),
    [lang],
  );

  const [confirming, setConfirming] = useState(false);
  // This device's row while its revoke is pending: the hook has already taken it out of the list.
  const [leaving, setLeaving] = useState<ListedToken | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [problem, setProblem] = useState<{ context: string; error: unknown } | null>(null);

  // Where the focus goes once the element it was on has left the page (`after`: a session id, or '' for now).
  const focus = useRef<Focus>(null);
  const targets = useRef(new Map<string, HTMLElement>());
  const target = (key: string) => (element: HTMLElement | null) => {
    if (element) targets.current.set(key, element);
    else targets.current.delete(key);
  };
  const listed = tokens.data?.data;
  useEffect(() => {
    const pending = focus.current;
    if (!pending || (pending.after && listed?.some((token) => token.id === pending.after))) return;
    const element = targets.current.get(pending.target);
    if (!element) return;
    focus.current = null;
    element.focus();
  });
  const focusNext = (key: string, after = '') => (focus.current = { after, target: key });

  const sessions = useMemo(() => sortSessions(listed ?? [], leaving), [listed, leaving]);
  const others = sessions.filter((token) => !token.current);
  const Heading = `h${headingLevel}` as 'h2';

  const defaultName = (token: ListedToken) => {
    if (token.current) return text.thisDevice;
    if (token.applicationId === ownApplication) return text.otherDevice;
    return applicationNames?.[token.applicationId] ?? text.otherApplication(`…${token.applicationId.slice(-6)}`);
  };
  const nameOf = (token: ListedToken) => (sessionName ? sessionName(token, defaultName(token)) : defaultName(token));
  const when = (time: number | undefined) => (time === undefined ? null : relativeTime(time, now, formats.relative, text.justNow));
  const fail = (context: string, error: unknown) => {
    setNotice(null);
    setProblem({ context, error });
    focusNext('alert');
  };

  async function signOutOther(token: ListedToken) {
    // The next session's row, else the one before, else the heading: the pressed button is about to go.
    const index = others.indexOf(token);
    const next = others[index + 1] ?? others[index - 1];
    focusNext(next ? next.id : 'heading', token.id);
    setProblem(null);
    const name = nameOf(token);
    try {
      await revoke.mutateAsync(token.id);
      setNotice(text.revoked(name));
    } catch (error) {
      fail(text.revokeFailed, error);
    }
  }

  async function signOutThisDevice(token: ListedToken) {
    if (leaving) return;
    setLeaving(token);
    setProblem(null);
    try {
      await revoke.mutateAsync(token.id);
      focusNext('signed-out');
    } catch (error) {
      setConfirming(false);
      fail(text.revokeFailed, error);
    } finally {
      setLeaving(null);
    }
  }

  async function signOutOthers() {
    if (revokeOthers.isPending) return;
    setProblem(null);
    setNotice(null);
    try {
      const { revoked } = await revokeOthers.mutateAsync();
      setNotice(text.revokedOthers(revoked));
      focusNext('status');
    } catch (error) {
      fail(text.revokeOthersFailed, error);
    }
  }

  function cancelConfirm() {
    setConfirming(false);
    focusNext('this-device');
  }

  const loadFailed = tokens.isError && !tokens.data;
  const signedOut = status === 'unauthenticated' || status === 'mfaRequired';
  const loading = status === 'loading' || (!signedOut && tokens.isPending && !tokens.isError);
  const shown = loadFailed ? { context: text.loadFailed, error: tokens.error } : problem;

  let body: ReactNode = null;
  if (signedOut) {
    body = (
      <p className="exh-auth__notice" tabIndex={-1} ref={target('signed-out')}>
        {text.signedOut}
      </p>
    );
  } else if (loadFailed) {
    const retrying = tokens.isFetching;
    body = (
      <button
        type="button"
        className="exh-auth__secondary"
        aria-disabled={retrying || undefined}
        aria-busy={retrying || undefined}
        onClick={() => void (retrying || tokens.refetch())}
      >
        {retrying ? text.loading : text.retry}
      </button>
    );
  } else if (!loading) {
    const total = tokens.data?.page.total ?? 0;
    body = (
      <>
        {sessions.length > 0 ? (
          <ul className="exh-auth__sessions" aria-labelledby={`${id}-heading`}>
            {sessions.map((token) => {
              const name = nameOf(token);
              const signedInAt = when(token.creationTimestamp);
              const own = token.current;
              return (
                <li key={token.id} className="exh-auth__session" data-current={own || undefined} tabIndex={-1} ref={target(token.id)}>
                  <div className="exh-auth__session-info">
                    <span className="exh-auth__session-name">{name}</span>
                    <span className="exh-auth__session-meta">
                      {signedInAt !== null && (
                        <Time at={token.creationTimestamp!} format={formats.absolute}>
                          {text.signedIn(signedInAt)}
                        </Time>
                      )}
                      {own ? (
                        <span>{text.activeNow}</span>
                      ) : (
                        token.lastUsedTimestamp !== undefined && (
                          <Time at={token.lastUsedTimestamp} format={formats.absolute}>
                            {text.lastActive(when(token.lastUsedTimestamp)!)}
                          </Time>
                        )
                      )}
                    </span>
                  </div>
                  {own && confirming ? (
                    <ConfirmSignOut
                      id={`${id}-confirm`}
                      text={text}
                      busy={leaving !== null}
                      onConfirm={() => void signOutThisDevice(token)}
                      onCancel={cancelConfirm}
                      focusRef={target('confirm')}
                    />
                  ) : (
                    <button
                      type="button"
                      className="exh-auth__secondary"
                      aria-label={own ? text.revokeThisDevice : text.revokeName(name, signedInAt)}
                      ref={own ? target('this-device') : undefined}
                      onClick={() => {
                        if (!own) return void signOutOther(token);
                        setConfirming(true);
                        focusNext('confirm');
                      }}
                    >
                      {text.revoke}
                    </button>
                  )}
                </li>
              );
            })}
          </ul>
        ) : (
          <p className="exh-auth__intro">{text.empty}</p>
        )}
        {total > sessions.length && <p className="exh-auth__intro">{text.more(total - sessions.length)}</p>}
        {/* The button stays while pending (the others have left the list already): it has the focus. */}
        {others.length === 0 && sessions.length > 0 && !revokeOthers.isPending ? (
          <p className="exh-auth__intro">{text.noOtherSessions}</p>
        ) : (
          (others.length > 0 || revokeOthers.isPending) && (
            <button
              type="button"
              className="exh-auth__secondary exh-auth__revoke-others"
              aria-disabled={revokeOthers.isPending || undefined}
              aria-busy={revokeOthers.isPending || undefined}
              onClick={() => void signOutOthers()}
            >
              {revokeOthers.isPending ? text.revokingOthers : text.revokeOthers}
            </button>
          )
        )}
      </>
    );
  }

  return (
    <section
      className={classNames('exh-auth', 'exh-auth--sessions', className)}
      aria-labelledby={`${id}-heading`}
      data-state={signedOut ? 'signed-out' : loading ? 'loading' : loadFailed ? 'error' : 'ready'}
    >
      <Heading id={`${id}-heading`} className="exh-auth__heading" tabIndex={-1} ref={target('heading')}>
        {text.heading}
      </Heading>
      <p role="status" className="exh-auth__status" tabIndex={-1} ref={target('status')}>
        {loading ? text.loading : signedOut ? null : notice}
      </p>
      <div role="alert" className="exh-auth__alert" tabIndex={-1} ref={target('alert')}>
        {shown && !signedOut ? `${shown.context} ${commonMessage(shown.error, text)}` : null}
      </div>
      {body}
    </section>
  );
}

interface ConfirmSignOutProps {
  id: string;
  text: ActiveSessionsLabels;
  busy: boolean;
  onConfirm: () => void;
  onCancel: () => void;
  focusRef: (element: HTMLElement | null) => void;
}

/** "Sign out of this device?" in place of the row's button; Escape cancels. */
function ConfirmSignOut({ id, text, busy, onConfirm, onCancel, focusRef }: ConfirmSignOutProps) {
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Escape' && !busy) {
      event.stopPropagation();
      onCancel();
    }
  };
  return (
    <div className="exh-auth__confirm" role="group" aria-labelledby={`${id}-question`} aria-describedby={`${id}-help`} tabIndex={-1} ref={focusRef} onKeyDown={onKeyDown}>
      <p id={`${id}-question`} className="exh-auth__confirm-question">
        {text.confirmThisDevice}
      </p>
      <p id={`${id}-help`} className="exh-auth__confirm-help">
        {text.confirmThisDeviceHelp}
      </p>
      <div className="exh-auth__actions">
        <button type="button" className="exh-auth__danger" aria-disabled={busy || undefined} aria-busy={busy || undefined} onClick={() => busy || onConfirm()}>
          {busy ? text.signingOut : text.confirm}
        </button>
        <button type="button" className="exh-auth__secondary" aria-disabled={busy || undefined} onClick={() => busy || onCancel()}>
          {text.cancel}
        </button>
      </div>
    </div>
  );
}

/** A time in words, with its exact date and time for machines (`dateTime`) and on hover (`title`). */
function Time({ at, format, children }: { at: number; format: Intl.DateTimeFormat; children: string }) {
  const date = new Date(at);
  return (
    <time dateTime={date.toISOString()} title={format.format(date)}>
      {children}
    </time>
  );
}

/** This device first (kept while its revoke is pending), then the others by last use, most recent first. */
function sortSessions(listed: readonly ListedToken[], leaving: ListedToken | null): ListedToken[] {
  const all = leaving && !listed.some((token) => token.id === leaving.id) ? [leaving, ...listed] : [...listed];
  const recency = (token: ListedToken) => token.lastUsedTimestamp ?? token.creationTimestamp ?? 0;
  return all.sort((a, b) => Number(b.current) - Number(a.current) || recency(b) - recency(a));
}

/** The time now, renewed every `interval` ms so that "2 minutes ago" does not go stale on an open page. */
function useNow(interval: number): number {
  const [now, setNow] = useState(Date.now);
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), interval);
    return () => clearInterval(timer);
  }, [interval]);
  return now;
}
