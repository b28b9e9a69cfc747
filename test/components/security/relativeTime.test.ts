import { relativeTime, relativeUnit } from '../../../src/components/security/relativeTime';

const NOW = Date.UTC(2026, 10, 30, 12, 0, 0);
const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const english = new Intl.RelativeTimeFormat('en', { numeric: 'auto' });
const ago = (ms: number) => relativeTime(NOW - ms, NOW, english, 'just now');

describe('relativeTime', () => {
  it('says "just now" under 45 seconds, either way', () => {
    expect([ago(0), ago(44 * SECOND), ago(-30 * SECOND)]).toEqual(['just now', 'just now', 'just now']);
  });

  it('picks the unit a person would, rounded', () => {
    expect(ago(45 * SECOND)).toBe('1 minute ago');
    expect(ago(5 * MINUTE + 20 * SECOND)).toBe('5 minutes ago');
    expect(ago(44 * MINUTE)).toBe('44 minutes ago');
    expect(ago(45 * MINUTE)).toBe('1 hour ago');
    expect(ago(90 * MINUTE)).toBe('2 hours ago');
    expect(ago(21 * HOUR)).toBe('21 hours ago');
    expect(ago(22 * HOUR)).toBe('yesterday');
    expect(ago(3 * DAY)).toBe('3 days ago');
    expect(ago(7 * DAY)).toBe('last week');
    expect(ago(17 * DAY)).toBe('2 weeks ago');
    expect(ago(26 * DAY)).toBe('last month');
    expect(ago(100 * DAY)).toBe('3 months ago');
    expect(ago(320 * DAY)).toBe('last year');
    expect(ago(3 * 365 * DAY)).toBe('3 years ago');
  });

  it('says a time ahead of this clock as future (another device’s clock)', () => {
    expect(ago(-2 * HOUR)).toBe('in 2 hours');
    expect(relativeUnit(2 * HOUR)).toEqual([2, 'hour']);
    expect(relativeUnit(-2 * HOUR)).toEqual([-2, 'hour']);
  });

  it('speaks the formatter’s language', () => {
    const dutch = new Intl.RelativeTimeFormat('nl', { numeric: 'auto' });
    expect(relativeTime(NOW - 2 * HOUR, NOW, dutch, 'zojuist')).toBe('2 uur geleden');
    expect(relativeTime(NOW - 10 * SECOND, NOW, dutch, 'zojuist')).toBe('zojuist');
  });
});
