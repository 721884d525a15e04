// Peer: a bare Ink app that draws one frame and exits. bench/run.mjs runs it as it is
// (unbundled, from node_modules) and bundled with the same esbuild options as handoff-assess.
import React from 'react';
import {Box, render, Text} from 'ink';

const h = React.createElement;
const app = render(
  h(Box, {borderStyle: 'round', paddingX: 1, flexDirection: 'column'}, h(Text, {bold: true}, 'bench: one Ink frame'), h(Text, {color: 'green'}, 'drawn, then exit')),
  {exitOnCtrlC: false, patchConsole: false},
);
app.unmount();
