/** The browser build: the console's PC-screen adjustment (see pc-wide.css). */
import './pc-wide.css';
