// @vitest-environment node
import { renderToString } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { AuthProvider, RequireAuth, saveReturnTo, takeReturnTo, useAuth, usePresence } from '../../src';

function Status() {
  return <p>status: {useAuth((s) => s.status)}</p>;
}

function Presence() {
  const { token, required } = usePresence();
  return <p>{`presence: ${String(token)}, required: ${String(required)}`}</p>;
}

describe('server rendering', () => {
  it('touches no window or storage and renders loading', () => {
    const calls: string[] = [];
    const storage = {
      get: (key: string) => (calls.push(`get ${key}`), null),
      set: (key: string) => void calls.push(`set ${key}`),
      remove: (key: string) => void calls.push(`remove ${key}`),
    };
    expect(typeof window).toBe('undefined');
    const html = renderToString(
      <AuthProvider host="https://api.exh.test" consumerKey="k" consumerSecret="s" storage={storage} consumeSsoTokenFromUrl>
        <Status />
        <RequireAuth fallback={<p>login</p>} loading={<p>placeholder</p>}>
          <p>app</p>
        </RequireAuth>
      </AuthProvider>,
    );
    expect(html).toContain('status: <!-- -->loading');
    expect(html).toContain('placeholder');
    expect(html).not.toContain('login');
    expect(calls).toEqual([]);
  });

  it('renders with the default local storage without a window', () => {
    const html = renderToString(
      <AuthProvider host="https://api.exh.test" consumerKey="k" consumerSecret="s">
        <Status />
      </AuthProvider>,
    );
    expect(html).toContain('loading');
  });

  it('usePresence renders without a token on the server: required, so the password prompt shows', () => {
    const html = renderToString(
      <AuthProvider host="https://api.exh.test" consumerKey="k" consumerSecret="s" storage="memory">
        <Presence />
      </AuthProvider>,
    );
    expect(html).toContain('presence: null, required: true');
  });

  it('saveReturnTo without a location or storage keeps nothing, and takeReturnTo finds nothing', () => {
    expect(typeof location).toBe('undefined');
    expect(saveReturnTo()).toBe(false);
    expect(takeReturnTo()).toBeNull();
  });
});
