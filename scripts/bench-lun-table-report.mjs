// The LUN table bench's report (scripts/bench-lun-table.mjs measures): each run's figures, flat; the goals; the
// Markdown table of the medians with their spreads, the naive baseline's ratio and the 50,000-LUN case.

const round = (x) => Math.round(x * 10) / 10;

/** The figures of one measurement, flat, for the medians and the table. */
export function figures(r) {
  // The host page's list has no Next, sort or pick: those figures are NaN ("—" in the table).
  if (r.case === 'host') {
    return {
      firstRender: NaN, keyMedian: r.typing.latencyMs.median, keyMax: r.typing.latencyMs.max, keyFirst: r.typing.firstMs, fastKept: r.fastTyping.kept ? 1 : 0,
      sortMedian: NaN, sortMax: NaN, frameMedian: r.scrolling.frameMs.median, frameMax: r.scrolling.frameMs.max, framesOver50: r.scrolling.framesOver50ms, selectMedian: NaN, selectMax: NaN,
    };
  }
  return {
    firstRender: r.firstRender.ms,
    keyMedian: r.typing.latencyMs.median,
    keyMax: r.typing.latencyMs.max,
    keyFirst: r.typing.firstMs,
    fastKept: r.fastTyping.kept ? 1 : 0,
    sortMedian: r.sorting.medianMs,
    sortMax: r.sorting.maxMs,
    frameMedian: r.scrolling.frameMs.median,
    frameMax: r.scrolling.frameMs.max,
    framesOver50: r.scrolling.framesOver50ms,
    selectMedian: r.selecting.medianMs,
    selectMax: r.selecting.maxMs,
  };
}

const ROWS = [
  ['firstRender', 'Next → rows on screen', 60, 'ms'],
  ['keyFirst', 'search: first keystroke → rows', 50, 'ms'],
  ['keyMedian', 'search: keystroke → rows, median', 50, 'ms'],
  ['keyMax', 'search: keystroke → rows, slowest', 50, 'ms'],
  ['fastKept', 'fast typing keeps every character', 1, 'yes/no'],
  ['sortMedian', 'sort (10 clicks, 8 columns), median', 50, 'ms'],
  ['sortMax', 'sort, slowest column', 50, 'ms'],
  ['frameMedian', 'scroll end to end: median frame', 17, 'ms'],
  ['frameMax', 'scroll: slowest frame', 50, 'ms'],
  // At 50,000 LUNs the issue's goals are 2× those at 10,000: "no frame over 50 ms" is no frame over 100 ms there, which
  // the slowest-frame row checks. The count of frames over 50 ms is shown for the record, without a mark.
  ['framesOver50', 'scroll: frames over 50 ms', 0, 'count', { huge: 'slowest ≤ 100 ms' }],
  ['selectMedian', 'pick a row, median', 20, 'ms'],
  ['selectMax', 'pick a row, slowest', 20, 'ms'],
];

/** Whether a median meets its goal (goal × factor for huge-san). */
function met(v, g, unit, factor = 1) {
  if (v === undefined || Number.isNaN(v)) return '';
  return (unit === 'yes/no' ? v >= 1 : v <= g * (unit === 'ms' ? factor : 1)) ? ' ✓' : ' ✗';
}

export function markdown(med, range, meta) {
  const has = (id) => med[id] !== undefined;
  const fmtOne = (v, unit) => (v === undefined || Number.isNaN(v) ? '—' : unit === 'yes/no' ? (v >= 1 ? 'yes' : 'no') : unit === 'count' ? String(v) : `${v} ms`);
  // The median, then the spread of the runs (min–max) when there was more than one.
  const fmtWith = (id, key, unit) => {
    const v = med[id][key];
    if (Number.isNaN(v)) return '—';
    const [lo, hi] = range[id][key];
    return meta.runs > 1 && unit !== 'yes/no' && lo !== hi ? `${fmtOne(v, unit)} (${lo}–${hi})` : fmtOne(v, unit);
  };
  const goal = (g, unit, factor = 1) => (unit === 'yes/no' ? 'yes' : unit === 'count' ? String(g) : `≤ ${g * factor} ms`);
  const head = ['figure', 'goal (10,000)'];
  if (has('real')) head.push('LUN table');
  if (has('naive')) head.push('naive table');
  if (has('real') && has('naive')) head.push('naive ÷ LUN table');
  if (has('huge')) head.push('goal (50,000: 2×)', 'LUN table, 50,000');
  if (has('host')) head.push("host page's LUN list, 10,000");
  const lines = [`| ${head.join(' | ')} |`, `|${head.map(() => ' --- ').join('|')}|`];
  for (const [key, label, g, unit, opts] of ROWS) {
    const cells = [label, goal(g, unit)];
    if (has('real')) cells.push(fmtWith('real', key, unit) + met(med.real[key], g, unit));
    if (has('naive')) cells.push(fmtWith('naive', key, unit));
    if (has('real') && has('naive')) {
      const a = med.naive[key];
      const b = med.real[key];
      cells.push(unit === 'ms' && b > 0 ? `${round(a / b)}×` : '');
    }
    if (has('huge')) {
      if (opts?.huge) cells.push(`— (${opts.huge})`, `${fmtWith('huge', key, unit)} (for the record)`);
      else cells.push(unit === 'ms' ? goal(g, unit, 2) : goal(g, unit), fmtWith('huge', key, unit) + met(med.huge[key], g, unit, 2));
    }
    if (has('host')) cells.push(fmtWith('host', key, unit) + met(med.host[key], g, unit));
    lines.push(`| ${cells.join(' | ')} |`);
  }
  const ratio = has('real') && has('naive') ? round(med.naive.firstRender / med.real.firstRender) : undefined;
  const firstRenderGoal = ratio === undefined ? '' : `\nFirst render: the LUN table is ${ratio}× faster than the naive table (goal ≥ 30×: ${ratio >= 30 ? 'met' : 'missed'}).\n`;
  return `LUN table benchmark: ${meta.runs === 1 ? 'one run' : `median of ${meta.runs} runs (min–max)`}, Chromium ${meta.chromium}, ${meta.cpus} CPUs, load ${meta.load}, ${meta.date}. ✓ / ✗: the median meets / misses its goal.\n\n${lines.join('\n')}\n${firstRenderGoal}`;
}
