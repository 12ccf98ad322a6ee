// Checks what Prometheus and Grafana will load, with their own libraries: each PromQL expression with the grammar
// (@prometheus-io/lezer-promql) and the linter (@prometheus-io/codemirror-promql's Parser: types of function
// arguments and operands) of Prometheus' web UI, and each dashboard against the Dashboard type Grafana publishes
// (@grafana/schema) and each panel's options against the options type of its kind of panel, compiled with TypeScript
// so that a misspelled or mistyped field fails.
//
// Usage: node check-monitoring.cjs <request.json>, where the request is
//   {"expressions": [{"where": "...", "expr": "..."}], "dashboards": [{"where": "...", "path": "..."}]}
// Prints {"expressions": [{"where", "problems", "metrics"}], "dashboards": [{"where", "problems"}]} as JSON.
'use strict';

const fs = require('node:fs');
const path = require('node:path');
const { EditorState } = require('@codemirror/state');
const { parser } = require('@prometheus-io/lezer-promql');
const { promQLLanguage, LanguageType } = require('@prometheus-io/codemirror-promql');
const { Parser } = require('@prometheus-io/codemirror-promql/dist/cjs/parser');
const ts = require('typescript');

/** Syntax errors, the linter's diagnostics, and the metric names the expression selects. */
function checkExpression(expr) {
  const problems = [];
  const metrics = new Set();
  parser.parse(expr).iterate({
    enter: (node) => {
      if (node.type.isError) {
        problems.push(`syntax error at character ${node.from}: "${expr.slice(Math.max(0, node.from - 20), node.to + 20)}"`);
      }
      if (node.name === 'Identifier' && node.node.parent && node.node.parent.name === 'VectorSelector') {
        metrics.add(expr.slice(node.from, node.to));
      }
    },
  });
  const state = EditorState.create({ doc: expr, extensions: [promQLLanguage(LanguageType.PromQL)] });
  const linter = new Parser(state);
  linter.analyze();
  for (const diagnostic of linter.getDiagnostics()) {
    problems.push(`${diagnostic.message} (at character ${diagnostic.from})`);
  }
  return { problems, metrics: [...metrics].sort() };
}

/**
 * Grafana's types as JSON holds them: an enum's members as their values ("absolute" for ThresholdsMode.Absolute),
 * which TypeScript would otherwise refuse in a literal.
 */
const JSON_OF_TYPES = [
  "import type { Dashboard } from '@grafana/schema';",
  'type Json<T> = T extends string ? `${T}` : T extends number ? number : T extends boolean ? boolean',
  '  : T extends Array<infer U> ? Array<Json<U>> : T extends object ? { [K in keyof T]: Json<T[K]> } : T;',
];

/** The options type Grafana publishes for each kind of panel the dashboards use; a row has none. */
const PANEL_OPTIONS = {
  timeseries: '@grafana/schema/dist/esm/raw/composable/timeseries/panelcfg/x/TimeSeriesPanelCfg_types.gen',
  stat: '@grafana/schema/dist/esm/raw/composable/stat/panelcfg/x/StatPanelCfg_types.gen',
};

/**
 * The dashboard's JSON as an object literal that must satisfy Grafana's Dashboard type, and each panel's options
 * the options type of its kind of panel (which Dashboard leaves open), compiled in memory.
 */
function checkDashboard(file) {
  const json = fs.readFileSync(file, 'utf8');
  const dashboard = JSON.parse(json);
  const header = [
    ...JSON_OF_TYPES,
    ...Object.entries(PANEL_OPTIONS).map(([type, module]) => `import type { Options as Options_${type} } from '${module}';`),
  ];
  const lines = [...header, ...`export const dashboard = ${json.trim()} satisfies Json<Dashboard>;`.split('\n')];
  const problems = [];
  const panelAt = new Map();
  (dashboard.panels || []).forEach((panel, index) => {
    if (panel.type === 'row') {
      return;
    }
    if (!PANEL_OPTIONS[panel.type]) {
      problems.push(`panel "${panel.title}": no options type is known here for panels of type ${panel.type}`);
      return;
    }
    panelAt.set(lines.length, panel.title);
    lines.push(`export const panel${index} = ${JSON.stringify(panel.options || {})} satisfies Json<Options_${panel.type}>;`);
  });
  const source = lines.join('\n') + '\n';
  const virtual = path.join(__dirname, 'dashboard-under-check.ts');
  const options = {
    strict: true,
    noEmit: true,
    skipLibCheck: true,
    types: [],
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.Node16,
    moduleResolution: ts.ModuleResolutionKind.Node16,
  };
  const host = ts.createCompilerHost(options);
  const { getSourceFile, fileExists, readFile } = host;
  host.getSourceFile = (name, language, ...rest) =>
    name === virtual ? ts.createSourceFile(name, source, language) : getSourceFile.call(host, name, language, ...rest);
  host.fileExists = (name) => name === virtual || fileExists.call(host, name);
  host.readFile = (name) => (name === virtual ? source : readFile.call(host, name));
  const program = ts.createProgram([virtual], options, host);
  for (const diagnostic of ts.getPreEmitDiagnostics(program)) {
    const message = ts.flattenDiagnosticMessageText(diagnostic.messageText, ' ');
    if (!diagnostic.file || diagnostic.start === undefined) {
      problems.push(message);
      continue;
    }
    const { line } = diagnostic.file.getLineAndCharacterOfPosition(diagnostic.start);
    // the dashboard's JSON starts after the header, a panel's options each on a line of their own
    problems.push(panelAt.has(line) ? `panel "${panelAt.get(line)}" options: ${message}`
      : `line ${line - header.length + 1}: ${message}`);
  }
  return problems;
}

const request = JSON.parse(fs.readFileSync(process.argv[2], 'utf8'));
const answer = {
  expressions: (request.expressions || []).map(({ where, expr }) => ({ where, ...checkExpression(expr) })),
  dashboards: (request.dashboards || []).map(({ where, path: file }) => ({ where, problems: checkDashboard(file) })),
};
process.stdout.write(JSON.stringify(answer));
