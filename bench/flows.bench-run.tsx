/** Measures the flows of bench/flows.tsx and writes them to $BENCH_OUT (JSON) for bench/run.mjs. */
import { writeFileSync } from 'node:fs';
import { afterAll, it } from 'vitest';
import { setupMockExh } from '../test/helpers';
import * as flows from './flows';

const exh = setupMockExh();
const figures: Record<string, unknown> = {};

afterAll(() => writeFileSync(process.env.BENCH_OUT ?? '.bench-cache/flows.json', JSON.stringify(figures, null, 2)));

it('re-renders', async () => {
  figures.loginFormKeystrokes = await flows.loginFormCommitsPerKeystroke(flows.LoginForm);
  figures.statusDuringRefetch = await flows.statusConsumerCommitsDuringRefetch(exh);
});

// One test each: every flow starts on a fresh mock (its request log empty).
it('tree, LoginForm', async () => {
  figures.treeLoginForm = await flows.treeCommitsSubmitToSignedIn(flows.LoginForm);
});
it('tree, hooks form', async () => void (figures.treeHookForm = await flows.treeCommitsSubmitToSignedIn()));
it('password login', async () => void (figures.passwordLogin = await flows.passwordLoginRequests(exh)));
it('MFA login', async () => void (figures.mfaLogin = await flows.mfaLoginRequests(exh)));
it('reload', async () => void (figures.reload = await flows.reloadRequests(exh)));
it('revoke', async () => void (figures.revoke = await flows.revokeRequests(exh)));
it('SSO consume', async () => void (figures.ssoConsume = await flows.ssoConsumeRequests(exh)));
