import type { ConfigProviderProps } from 'antd';

/**
 * The console's antd configuration besides the locale (which changes no styles). Root.tsx and
 * the build-time style extraction (staticStyles.tsx) both use it: antd names its generated
 * styles by a hash of the theme, so a difference would make every style be made again at run
 * time instead of coming from the built CSS file.
 */
export const CONSOLE_THEME = {
  theme: { token: { colorPrimary: '#1677ff' } },
  button: { autoInsertSpace: false },
} satisfies ConfigProviderProps;
