import type { Next, Scenario, Step } from '../model/course.ts';
import { escapeHtml } from './html.ts';

/**
 * A scenario's story map: its steps as nodes and every `next` as an edge, drawn as an SVG for
 * authors and trainers (the picture Twine or H5P's branching editor would show) and written out as
 * a nested list, the same graph for screen readers and print. Pure: from the compiled scenario to
 * data and markup, deterministic, no DOM.
 */

export interface MapNode {
  readonly id: string;
  readonly title: string;
  readonly type: Step['type'];
  /** Rows from the start (the start is row 0): each step sits one row below its first caller. */
  readonly row: number;
  readonly column: number;
  /** No path from the start reaches it (the content checks make this an error; drawn if ever let through). */
  readonly unreachable: boolean;
  /** On a cycle: the learner can come back to it. */
  readonly inLoop: boolean;
  /** Flags some option here sets. */
  readonly sets: readonly string[];
}

export interface MapEdge {
  readonly from: string;
  readonly to: string;
  /** For a decision: the option's number (1-based, authored order) and text; else absent. */
  readonly option?: { readonly number: number; readonly text: string; readonly weight: number };
  /** The flag condition on this branch, in words ("if asked-dad", "unless x"); empty if none. */
  readonly condition: string;
  /** The edge goes back up the map (or back along its row): part of a loop or a rejoin upwards. */
  readonly back: boolean;
}

export interface StoryMap {
  readonly nodes: readonly MapNode[];
  readonly edges: readonly MapEdge[];
  readonly rows: number;
  readonly columns: number;
}

const condition = (branch: Next[number]): string =>
  [...branch.if.map((f) => `if ${f}`), ...branch.unless.map((f) => `unless ${f}`)].join(', ');

/** Every edge of the scenario: one per branch of every `next`, options' included. */
function edgesOf(step: Step): Omit<MapEdge, 'back'>[] {
  switch (step.type) {
    case 'ending':
      return [];
    case 'decision':
      return step.options.flatMap((option, i) =>
        option.next.map((branch) => ({
          from: step.id,
          to: branch.to,
          option: { number: i + 1, text: option.text.text, weight: option.weight },
          condition: condition(branch),
        })),
      );
    default:
      return step.next.map((branch) => ({
        from: step.id,
        to: branch.to,
        condition: condition(branch),
      }));
  }
}

export function storyMap(scenario: Scenario): StoryMap {
  const steps = scenario.steps;
  const raw = steps.flatMap(edgesOf);
  const out = new Map<string, string[]>(steps.map((s) => [s.id, []]));
  for (const e of raw) out.get(e.from)?.push(e.to);

  // Rows by breadth-first order from the start: a step's row is its shortest distance.
  const row = new Map<string, number>([[scenario.start, 0]]);
  const queue = [scenario.start];
  while (queue.length > 0) {
    const id = queue.shift()!;
    for (const to of out.get(id) ?? []) {
      if (!row.has(to)) {
        row.set(to, row.get(id)! + 1);
        queue.push(to);
      }
    }
  }
  const deepest = Math.max(0, ...row.values());
  const reachable = new Set(row.keys());
  // Unreachable steps (never in a compiled course, but drawn if ever let through) go below.
  steps.forEach((s) => {
    if (!row.has(s.id)) row.set(s.id, deepest + 1);
  });

  // Steps on a cycle: a step that can reach itself.
  const reaches = (from: string, target: string): boolean => {
    const seen = new Set<string>();
    const stack = [...(out.get(from) ?? [])];
    while (stack.length > 0) {
      const id = stack.pop()!;
      if (id === target) return true;
      if (seen.has(id)) continue;
      seen.add(id);
      stack.push(...(out.get(id) ?? []));
    }
    return false;
  };

  const columnInRow = new Map<number, number>();
  const nodes: MapNode[] = steps.map((step) => {
    const r = row.get(step.id)!;
    const column = columnInRow.get(r) ?? 0;
    columnInRow.set(r, column + 1);
    return {
      id: step.id,
      title: step.title,
      type: step.type,
      row: r,
      column,
      unreachable: !reachable.has(step.id),
      inLoop: reaches(step.id, step.id),
      sets: step.type === 'decision' ? [...new Set(step.options.flatMap((o) => o.sets))] : [],
    };
  });
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const edges = raw.map((e) => {
    const from = byId.get(e.from)!;
    const to = byId.get(e.to) ?? from;
    return {
      ...e,
      back: to.row < from.row || (to.row === from.row && to.column <= from.column),
    };
  });
  return {
    nodes,
    edges,
    rows: Math.max(...nodes.map((n) => n.row)) + 1,
    columns: Math.max(...columnInRow.values()),
  };
}

const NODE = { width: 190, height: 56, gapX: 40, gapY: 56, margin: 20 };
const LABEL: Record<Step['type'], string> = {
  narrative: 'Step',
  decision: 'Decision',
  reveal: 'What the review found',
  ending: 'Ending',
};

/** Splits a title into at most two lines of about `width` characters, ending in "…" if cut. */
function wrap(text: string, width = 26): string[] {
  const words = text.split(/\s+/);
  const lines: string[] = [''];
  for (const word of words) {
    const line = lines.at(-1)!;
    if ((line + ' ' + word).trim().length <= width)
      lines[lines.length - 1] = (line + ' ' + word).trim();
    else if (lines.length < 2) lines.push(word);
    else {
      lines[1] = `${lines[1]!.slice(0, width - 1)}…`;
      break;
    }
  }
  return lines;
}

/**
 * The map as an SVG: rows top to bottom, decisions with a heavy border, reveals shaded, endings
 * doubled, loops and unreachable steps dashed in red. Labelled for screen readers, who are pointed
 * to the text version beside it.
 */
export function storyMapSvg(map: StoryMap, title: string, textId: string): string {
  const width = NODE.margin * 2 + map.columns * NODE.width + (map.columns - 1) * NODE.gapX;
  const height = NODE.margin * 2 + map.rows * NODE.height + (map.rows - 1) * NODE.gapY;
  const at = new Map(
    map.nodes.map((n) => [
      n.id,
      {
        x: NODE.margin + n.column * (NODE.width + NODE.gapX),
        y: NODE.margin + n.row * (NODE.height + NODE.gapY),
      },
    ]),
  );
  const edges = map.edges
    .map((e) => {
      const a = at.get(e.from);
      const b = at.get(e.to);
      if (!a || !b) return '';
      const x1 = a.x + NODE.width / 2;
      const y1 = a.y + NODE.height;
      const x2 = b.x + NODE.width / 2;
      const y2 = b.y;
      const sideways = !e.back && a.y === b.y;
      const path = sideways
        ? `M${a.x + NODE.width} ${a.y + NODE.height / 2} L${b.x} ${b.y + NODE.height / 2}`
        : e.back
          ? // Back up the map: out to the right and round, so it never crosses the nodes.
            `M${a.x + NODE.width} ${a.y + NODE.height / 2} C${a.x + NODE.width + 30} ${a.y + NODE.height / 2} ${b.x + NODE.width + 30} ${b.y + NODE.height / 2} ${b.x + NODE.width} ${b.y + NODE.height / 2}`
          : `M${x1} ${y1} C${x1} ${y1 + NODE.gapY / 2} ${x2} ${y2 - NODE.gapY / 2} ${x2} ${y2}`;
      const label = e.option
        ? `<title>Option ${e.option.number}${e.condition ? ` (${e.condition})` : ''}</title>`
        : '';
      return `<path class="edge${e.back ? ' back' : ''}${e.condition ? ' conditional' : ''}" d="${path}" marker-end="url(#arrow)">${label}</path>`;
    })
    .join('');
  const nodes = map.nodes
    .map((n) => {
      const { x, y } = at.get(n.id)!;
      const lines = wrap(n.title)
        .map(
          (line, i) =>
            `<text x="${x + 10}" y="${y + 34 + i * 14}" class="title">${escapeHtml(line)}</text>`,
        )
        .join('');
      const classes = ['node', n.type, n.inLoop ? 'loop' : '', n.unreachable ? 'unreachable' : '']
        .filter(Boolean)
        .join(' ');
      return `<g class="${classes}"><title>${escapeHtml(`${LABEL[n.type]}: ${n.title} (${n.id})`)}</title><rect x="${x}" y="${y}" width="${NODE.width}" height="${NODE.height}" rx="6"/><text x="${x + 10}" y="${y + 16}" class="kind">${LABEL[n.type]}${n.inLoop ? ' · loop' : ''}${n.unreachable ? ' · unreachable' : ''}</text>${lines}</g>`;
    })
    .join('');
  return `<svg xmlns="http://www.w3.org/2000/svg" class="story-map" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" role="img" aria-labelledby="${textId}-svg-title" aria-describedby="${textId}"><title id="${textId}-svg-title">${escapeHtml(title)}: story map, ${map.nodes.length} steps. The same map follows as a list.</title><defs><marker id="arrow" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse"><path d="M0 0L10 5L0 10z" fill="#505a5f"/></marker></defs><style>${SVG_STYLE}</style>${edges}${nodes}</svg>`;
}

const SVG_STYLE = [
  '.node rect{fill:#fff;stroke:#505a5f;stroke-width:1.5}',
  '.decision rect{stroke:#0b0c0c;stroke-width:3}',
  '.reveal rect{fill:#f3f2f1}',
  '.ending rect{stroke-width:4;stroke:#00703c;fill:#fff}',
  '.loop rect,.unreachable rect{stroke:#d4351c;stroke-dasharray:6 3}',
  '.kind{font:600 11px sans-serif;fill:#505a5f}',
  '.title{font:13px sans-serif;fill:#0b0c0c}',
  '.edge{fill:none;stroke:#505a5f;stroke-width:1.5}',
  '.edge.conditional{stroke-dasharray:4 3}',
  '.edge.back{stroke:#d4351c}',
].join('');

/** The same graph as a nested list: each step, and where it (or each of its options) leads. */
export function storyMapList(map: StoryMap, id: string): string {
  const titles = new Map(map.nodes.map((n) => [n.id, n.title]));
  const lead = (to: string) => `“${escapeHtml(titles.get(to) ?? to)}”`;
  const items = map.nodes
    .map((n) => {
      const out = map.edges.filter((e) => e.from === n.id);
      const notes = [
        n.inLoop ? 'part of a loop: the learner can come back here' : '',
        n.unreachable ? 'unreachable: no step leads here' : '',
        n.sets.length > 0 ? `sets ${n.sets.join(', ')}` : '',
      ].filter(Boolean);
      const where =
        n.type === 'ending'
          ? '<p>Ends the scenario.</p>'
          : `<ul>${out
              .map((e) => {
                const when = e.condition ? ` (${escapeHtml(e.condition)})` : '';
                return e.option
                  ? `<li>Option ${e.option.number}, “${escapeHtml(e.option.text)}”: leads to ${lead(e.to)}${when}</li>`
                  : `<li>Leads to ${lead(e.to)}${when}</li>`;
              })
              .join('')}</ul>`;
      return `<li><strong>${LABEL[n.type]}: ${escapeHtml(n.title)}</strong>${notes.length > 0 ? ` <span class="note">(${escapeHtml(notes.join('; '))})</span>` : ''}${where}</li>`;
    })
    .join('');
  return `<ol class="story-map-list" id="${id}">${items}</ol>`;
}
