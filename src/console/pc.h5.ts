/** The PC-screen adjustment now applies to every page (src/pc.h5.ts, imported by app.ts); kept for the console pages' imports. */
import '../pc';
