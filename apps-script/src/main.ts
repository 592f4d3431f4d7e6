// The bundle's entry: exports exactly the functions listed in entry-points.ts.
export { doGet } from './web-app.ts';
export { onOpen, showAbout } from './menu.ts';
