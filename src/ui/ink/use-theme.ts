import {useContext} from 'react';
import {ThemeContext, type Theme} from './theme.js';

/** The wizard's colours and symbols (NO_COLOR honoured). */
export function useTheme(): Theme {
  return useContext(ThemeContext);
}
