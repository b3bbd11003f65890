// Unit tests import React components, and the components import their stylesheets for Vite.
// The test project has no Vite types, so a stylesheet is declared here as a module with nothing
// in it: the tests never read styles, and TypeScript 6 checks every side-effect import.
declare module '*.css';
