// One line of usage per command: the help text, kept apart so `tierlab --help` loads no command.
export const COMPARE_USAGE =
  'tierlab compare RUN... [--baseline RUN] [--metrics m1,m2] [--include-partial] [--csv OUT] [--db PATH]';
export const EXPORT_USAGE =
  'tierlab export RUN... --csv OUT [--results | --per-node [--node N] | --heatmap [--task NAME] | --cgroups | --fleet] [--db PATH]';
export const IMPORT_USAGE = 'tierlab import FILE... [--db PATH]';
export const LIST_USAGE = 'tierlab list [--status S] [--tag T] [--json] [--db PATH]';
export const RUN_USAGE =
  'tierlab run FILE [--seed N] [--json OUT] [--csv OUT [--per-node]] [--quiet] [--save [--db PATH]]';
export const SERVE_USAGE = 'tierlab serve [--port N] [--workers N] [--db PATH]';
export const SHOW_USAGE = 'tierlab show RUN [--json | --heatmap [--task NAME]] [--db PATH]';
export const SWEEP_USAGE =
  'tierlab sweep FILE --set KEY=V1,V2 [--set ...] [--repeat N] [--shard I/N] [--workers N] [--out DIR] [--quiet] [--db PATH]';
export const TRACE_USAGE = 'tierlab trace stats FILE [--capacity PAGES ...] [--json]';
export const TUNE_USAGE =
  'tierlab tune FILE --knob NAME=A..B|NAME=V1,V2|NAME [--knob ...] --objective METRIC [--minimise | --maximise] [--seeds N] [--budget RUNS] [--workers N] [--shard I/N] [--out DIR] [--json OUT] [--quiet] [--db PATH]';
