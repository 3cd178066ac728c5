"""How sharp the review page's page images are (`vnplan inspect --dpi`): apart from `pages`,
so the command line reads them without importing pypdfium2."""

# A task table's 11-point print reads at 1:1 and when zoomed twice; a dense table page weighs
# ~350 kB as JPEG at this quality (no blur around the letters, unlike the 90 dpi / 55 of before).
RENDER_DPI = 150
JPEG_QUALITY = 85
# What `--dpi` accepts: below, letters are blots; above, one page is tens of MB of data URI.
MIN_DPI, MAX_DPI = 50, 400
