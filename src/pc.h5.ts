/** The browser build: the PC-screen adjustment of every page (see pc-wide.css). */
import './pc-wide.css';
