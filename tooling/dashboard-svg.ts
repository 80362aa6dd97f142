/**
 * A picture of a CloudWatch dashboard drawn from its definition (the synthesized `dashboard_body`):
 * every widget where CloudWatch places it on its 24-column grid, with its title and what it plots.
 * It shows the layout and the series, not data: nothing here has been deployed.
 */

/** A widget of a dashboard body. */
interface Widget {
  readonly type: string;
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
  readonly properties: Record<string, unknown>;
}

/** Markdown's code quote, dropped from the text widget's paragraph. */
const BACKTICK = String.fromCharCode(96);
const COLUMN = 40;
const ROW = 30;
const MARGIN = 16;
const HEADER = 34;
const FONT = 'font-family="Helvetica, Arial, sans-serif"';

/** The SVG of a dashboard body (as Terraform reads it: JSON text with `${...}` literal). */
export function renderDashboardSvg(bodyText: string, caption: string): string {
  const widgets = (JSON.parse(bodyText) as { widgets: Widget[] }).widgets;
  const width = 24 * COLUMN + 2 * MARGIN;
  const height = Math.max(...widgets.map((w) => w.y + w.height)) * ROW + 2 * MARGIN + HEADER;
  const parts = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">`,
    `<rect width="${width}" height="${height}" fill="#f2f3f3"/>`,
    `<text x="${MARGIN}" y="${MARGIN + 14}" ${FONT} font-size="13" fill="#545b64">${escape(caption)}</text>`,
    ...widgets.map(drawWidget),
    '</svg>',
    '',
  ];
  return parts.join('\n');
}

function drawWidget(widget: Widget): string {
  const x = MARGIN + widget.x * COLUMN + 3;
  const y = MARGIN + HEADER + widget.y * ROW + 3;
  const w = widget.width * COLUMN - 6;
  const h = widget.height * ROW - 6;
  const out = [`<g>`, `<rect x="${x}" y="${y}" width="${w}" height="${h}" rx="3" fill="#ffffff" stroke="#d5dbdb"/>`];
  const maxChars = Math.floor((w - 20) / 7.4);
  const p = widget.properties;
  if (widget.type === 'text') {
    const lines = String(p['markdown'] ?? '').split('\n');
    out.push(text(x + 10, y + 22, lines[0]!.replace(/^#+\s*/, ''), 15, 'bold', '#16191f'));
    wrap(lines.slice(1).join(' ').split(BACKTICK).join(''), maxChars)
      .slice(0, 2)
      .forEach((line, i) => out.push(text(x + 10, y + 40 + i * 14, line, 11, 'normal', '#545b64')));
  } else if (widget.type === 'alarm') {
    out.push(text(x + 10, y + 20, String(p['title'] ?? 'Alarms'), 13, 'bold', '#16191f'));
    const alarms = (p['alarms'] as string[]).map((arn) => {
      const [, , , region, , , name] = arn.split(':');
      return `${name} (${region})`;
    });
    const perColumn = Math.ceil(alarms.length / 3);
    alarms.forEach((alarm, i) => {
      const column = Math.floor(i / perColumn);
      const cx = x + 10 + column * (w / 3);
      const cy = y + 40 + (i % perColumn) * 16;
      out.push(`<circle cx="${cx + 4}" cy="${cy - 4}" r="4" fill="#879596"/>`);
      out.push(text(cx + 14, cy, truncate(alarm, Math.floor(w / 3 / 6.2) - 4), 11, 'normal', '#16191f'));
    });
  } else {
    out.push(text(x + 10, y + 20, truncate(String(p['title'] ?? ''), maxChars), 13, 'bold', '#16191f'));
    const plot = { x: x + 10, y: y + 30, w: w * 0.4, h: h - 42 };
    out.push(`<rect x="${plot.x}" y="${plot.y}" width="${plot.w}" height="${plot.h}" fill="#fafafa" stroke="#eaeded"/>`);
    for (let i = 1; i < 4; i++) {
      const gy = plot.y + (plot.h * i) / 4;
      out.push(`<line x1="${plot.x}" y1="${gy}" x2="${plot.x + plot.w}" y2="${gy}" stroke="#eaeded"/>`);
    }
    const annotations = ((p['annotations'] as { horizontal?: { label: string; value: number }[] } | undefined)?.horizontal ?? []).map((a) => `${a.label}: ${a.value}`);
    if (annotations.length) out.push(`<line x1="${plot.x}" y1="${plot.y + plot.h * 0.2}" x2="${plot.x + plot.w}" y2="${plot.y + plot.h * 0.2}" stroke="#d13212" stroke-dasharray="4 3"/>`);
    out.push(text(plot.x + 6, plot.y + plot.h - 6, `no data: ${String(p['view'] ?? 'timeSeries')}, period ${String(p['period'] ?? 300)} s`, 10, 'normal', '#aab7b8'));
    const legend = [...seriesOf(p['metrics'] as unknown[][]), ...annotations.map((a) => `– – ${a}`)];
    const lx = plot.x + plot.w + 12;
    const room = Math.floor((plot.h - 4) / 13);
    const shown = legend.length > room ? [...legend.slice(0, room - 1), `+ ${legend.length - room + 1} more`] : legend;
    shown.forEach((entry, i) => {
      out.push(`<rect x="${lx}" y="${plot.y + i * 13 + 2}" width="8" height="8" fill="${COLORS[i % COLORS.length]}"/>`);
      out.push(text(lx + 12, plot.y + i * 13 + 10, truncate(entry, Math.floor((x + w - lx - 16) / 5.6)), 10, 'normal', '#16191f'));
    });
  }
  out.push('</g>');
  return out.join('\n');
}

/** What each line of a metric widget plots, as its legend would name it. */
function seriesOf(metrics: unknown[][]): string[] {
  return (metrics ?? []).map((line) => {
    const options = line.at(-1) as Record<string, unknown>;
    if (typeof options['expression'] === 'string') {
      const search = /MetricName="(\w+)"', '(\w+)', (\d+)/.exec(options['expression']);
      return search ? `each consumer: ${search[1]} (${search[2]})` : String(options['expression']);
    }
    return typeof options['label'] === 'string' ? `${options['label']}${options['stat'] ? ` · ${String(options['stat'])}` : ''}` : String(line[1]);
  });
}

const COLORS = ['#1f77b4', '#ff7f0e', '#2ca02c', '#d62728', '#9467bd', '#8c564b', '#e377c2', '#7f7f7f', '#bcbd22', '#17becf'];

function text(x: number, y: number, content: string, size: number, weight: string, fill: string): string {
  return `<text x="${x}" y="${y}" ${FONT} font-size="${size}" font-weight="${weight}" fill="${fill}">${escape(content)}</text>`;
}

function truncate(value: string, max: number): string {
  return value.length <= max ? value : `${value.slice(0, Math.max(max - 1, 1))}…`;
}

function wrap(value: string, max: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of value.split(/\s+/).filter(Boolean)) {
    if (line && line.length + word.length + 1 > max) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  return lines;
}

function escape(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}
