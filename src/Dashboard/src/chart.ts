import { el, svg } from "./dom";

export interface Series {
  name: string;
  /** A class of dashboard.css giving the line its colour (no inline style: the page's CSP allows none). */
  className: string;
  values: number[];
}

/**
 * A line chart of daily series, drawn as SVG: a few dozen points need no charting library. The same numbers are
 * given as a table for screen readers and for anyone who wants the exact values.
 */
export function lineChart(title: string, days: string[], series: Series[]): HTMLElement {
  const width = 640;
  const height = 220;
  const padding = { left: 36, right: 12, top: 12, bottom: 28 };
  const max = Math.max(1, ...series.flatMap((line) => line.values));
  const x = (index: number) => padding.left + (days.length <= 1 ? 0 : (index * (width - padding.left - padding.right)) / (days.length - 1));
  const y = (value: number) => height - padding.bottom - (value * (height - padding.top - padding.bottom)) / max;

  const chart = svg("svg", { viewBox: `0 0 ${width} ${height}`, role: "img", "aria-label": `${title}: chart, the table below gives the values`, class: "chart" });
  for (const tick of [0, Math.ceil(max / 2), max]) {
    chart.append(
      svg("line", { x1: padding.left, x2: width - padding.right, y1: y(tick), y2: y(tick), class: "grid" }),
      svg("text", { x: padding.left - 6, y: y(tick) + 4, "text-anchor": "end", class: "axis" }, document.createTextNode(String(tick))));
  }
  const labelEvery = Math.max(1, Math.ceil(days.length / 6));
  days.forEach((day, index) => {
    if (index % labelEvery === 0 || index === days.length - 1)
      chart.append(svg("text", { x: x(index), y: height - 8, "text-anchor": "middle", class: "axis" }, document.createTextNode(day.slice(5))));
  });
  for (const line of series) {
    const points = line.values.map((value, index) => `${x(index).toFixed(1)},${y(value).toFixed(1)}`).join(" ");
    chart.append(svg("polyline", { points, class: `series ${line.className}` }));
    line.values.forEach((value, index) => {
      if (value > 0) chart.append(svg("circle", { cx: x(index), cy: y(value), r: 3, class: `dot ${line.className}` }));
    });
  }
  const legend = el("ul", { class: "legend" }, ...series.map((line) => el("li", {}, el("span", { class: `swatch ${line.className}` }), line.name)));
  const numbers = el("details", {}, el("summary", {}, `${title} as a table`),
    el("div", { class: "table-scroll" }, el("table", {},
      el("thead", {}, el("tr", {}, el("th", { scope: "col" }, "Day"), ...series.map((line) => el("th", { scope: "col" }, line.name)))),
      el("tbody", {}, ...days.map((day, index) => el("tr", {}, el("th", { scope: "row" }, day), ...series.map((line) => el("td", {}, String(line.values[index])))))))));
  return el("figure", { class: "chart-figure" }, el("figcaption", {}, title), chart, legend, numbers);
}
