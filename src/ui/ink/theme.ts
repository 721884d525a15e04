/**
 * Colours and symbols of the wizard, in one place. With NO_COLOR (or
 * FORCE_COLOR=0, or TERM=dumb) no colour is used at all: selection, errors
 * and the progress bar stay readable through symbols, bold and inverse.
 */
import {wantsNoColor} from '../../terminal.js';
import {createContext} from 'react';

export interface Theme {
  /** True when no colour may be used. */
  noColor: boolean;
  /** Colours by role: undefined means "the terminal's default". */
  color: {
    accent?: string;
    muted?: string;
    error?: string;
    success?: string;
    warning?: string;
    /** The manage-in-place pole and verdict. */
    manage?: string;
    /** The remediation-sprint pole and verdict. */
    sprint?: string;
  };
  symbol: {
    pointer: string;
    checked: string;
    unchecked: string;
    barFull: string;
    barEmpty: string;
    note: string;
    error: string;
    success: string;
    why: string;
  };
}

export function makeTheme(env: NodeJS.ProcessEnv = process.env): Theme {
  const noColor = wantsNoColor(env);
  return {
    noColor,
    color: noColor
      ? {}
      : {accent: 'cyan', muted: 'gray', error: 'red', success: 'green', warning: 'yellow', manage: 'green', sprint: 'magenta'},
    symbol: {
      pointer: '❯',
      checked: '[x]',
      unchecked: '[ ]',
      barFull: '█',
      barEmpty: '░',
      note: '✎',
      error: '✗',
      success: '✔',
      why: 'ℹ',
    },
  };
}

export const ThemeContext = createContext<Theme>(makeTheme());
