import { test } from 'node:test';
import assert from 'node:assert/strict';
import { CHANNEL_COLORS, COLORS, channelColor } from '../src/palette.ts';

// WCAG 2.2 relative luminance and contrast ratio.
const channel = (c: number) => { const s = c / 255; return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4; };
const linearRgb = (hex: string) => [1, 3, 5].map((i) => channel(parseInt(hex.slice(i, i + 2), 16)));
const luminance = (hex: string) => { const [r, g, b] = linearRgb(hex); return 0.2126 * r + 0.7152 * g + 0.0722 * b; };
const contrastOnWhite = (hex: string) => 1.05 / (luminance(hex) + 0.05);

// Colour-vision deficiency simulation (Machado, Oliveira & Fernandes 2009, severity 1.0, on linear RGB),
// then CIELAB (D65) and the ΔE*ab distance between two colours as such a viewer would see them.
const SIMULATIONS: Readonly<Record<string, readonly (readonly number[])[] | null>> = {
  normal: null,
  deuteranopia: [[0.367322, 0.860646, -0.227968], [0.280085, 0.672501, 0.047413], [-0.01182, 0.04294, 0.968881]],
  protanopia: [[0.152286, 1.052583, -0.204868], [0.114503, 0.786281, 0.099216], [-0.003882, -0.048116, 1.051998]],
};
function lab(hex: string, m: readonly (readonly number[])[] | null): number[] {
  const c = linearRgb(hex);
  const [r, g, b] = m === null ? c : m.map((row) => Math.min(1, Math.max(0, row[0] * c[0] + row[1] * c[1] + row[2] * c[2])));
  const f = (t: number) => (t > 216 / 24389 ? Math.cbrt(t) : (24389 / 27 * t + 16) / 116);
  const x = f((0.4124 * r + 0.3576 * g + 0.1805 * b) / 0.95047), y = f(0.2126 * r + 0.7152 * g + 0.0722 * b), z = f((0.0193 * r + 0.1192 * g + 0.9505 * b) / 1.08883);
  return [116 * y - 16, 500 * (x - y), 200 * (y - z)];
}
const seenDistance = (a: string, b: string) => Math.min(...Object.values(SIMULATIONS).map((m) => {
  const p = lab(a, m), q = lab(b, m);
  return Math.hypot(p[0] - q[0], p[1] - q[1], p[2] - q[2]);
}));

test('every channel colour and every mark colour has at least 3:1 contrast on white (WCAG 1.4.11)', () => {
  const marks = [...CHANNEL_COLORS, COLORS.baseline, COLORS.actual, COLORS.fitted, COLORS.positive, COLORS.negative, COLORS.total, COLORS.neutral];
  for (const c of marks) assert.ok(contrastOnWhite(c) >= 3, `${c}: ${contrastOnWhite(c).toFixed(2)}:1`);
});

test('channel colours stay apart with normal vision, deuteranopia and protanopia; neighbours most', () => {
  const n = CHANNEL_COLORS.length;
  for (let i = 0; i < n; i++) {
    // Neighbours in channel order (and the wrap from the last to the first) share a stack or a legend row.
    assert.ok(seenDistance(channelColor(i), channelColor(i + 1)) >= 15, `${channelColor(i)} next to ${channelColor(i + 1)}`);
    for (let j = i + 1; j < n; j++) assert.ok(seenDistance(CHANNEL_COLORS[i], CHANNEL_COLORS[j]) >= 10, `${CHANNEL_COLORS[i]} vs ${CHANNEL_COLORS[j]}`);
  }
  // The old Tableau pair green #59a14f / red #e15759 fails this check: the test can tell.
  assert.ok(seenDistance('#59a14f', '#e15759') < 10);
  // Gains and losses, and the baseline against every channel.
  assert.ok(seenDistance(COLORS.positive, COLORS.negative) >= 15);
  for (const c of CHANNEL_COLORS) assert.ok(seenDistance(COLORS.baseline, c) >= 10, `baseline vs ${c}`);
});
