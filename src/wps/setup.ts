/** The WPS bundle's first entry module: runs before React and Fluent UI are evaluated. */
import { installPolyfills } from './polyfills';

installPolyfills();
