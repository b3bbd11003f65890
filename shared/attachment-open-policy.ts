// Which attachments the desktop app hands straight to the system's default app. An allow-list:
// a deny-list of "dangerous" extensions always misses one (.zip whose .exe then runs, .docm
// macros, .xll Excel add-ins, .one notebooks with embedded scripts, .iqy web queries, .html and
// .svg that run script in a browser, .mobileconfig profiles...). Only types whose usual viewer
// shows content without running the sender's code open directly; everything else is saved,
// and the UI says why. Shared so the engine decides and the renderer explains with one table.

/** Why a type is "Save" only. The renderer turns each into a sentence (en + sv). */
export type SaveOnlyReason = 'program' | 'macros' | 'archive' | 'web' | 'unlisted';

export type OpenPolicy = { open: true } | { open: false; reason: SaveOnlyReason };

const words = (...lines: string[]): ReadonlySet<string> => new Set(lines.flatMap((line) => line.split(' ')));

/** Opened directly: images, PDF, plain text, office documents without macros, calendars, contacts. */
const OPENS_DIRECTLY = words(
  'png jpg jpeg gif webp bmp heic heif avif tif tiff',
  'pdf',
  'txt',
  'docx xlsx pptx odt ods odp',
  'ics vcf',
);

/** Extensions Windows, macOS or Linux desktops run, install or follow when opened. */
const PROGRAMS = words(
  'exe com bat cmd msi msp mst scr pif cpl dll sys drv ocx js jse vbs vbe wsf wsh wsc ws hta',
  'ps1 psm1 psd1 ps1xml psc1 msc msh reg inf scf lnk url website appref-ms application gadget',
  'xbap settingcontent-ms library-ms search-ms diagcab appx appxbundle msix msixbundle chm hlp',
  'jar jnlp py pyw pyc rb pl php iqy slk xll one onepkg mobileconfig',
  'app command tool pkg mpkg workflow terminal scpt applescript fileloc inetloc webloc',
  'sh bash zsh csh ksh run bin desktop appimage deb rpm snap flatpakref',
);
/** Office formats that carry macros, and the legacy ones that may. */
const MACROS = words('docm dotm xlsm xltm xlam xlsb pptm potm ppsm ppam sldm doc dot xls xlt ppt pot pps rtf');
/** Containers whose contents the user would then open without this check. */
const ARCHIVES = words('zip 7z rar tar gz tgz bz2 xz cab arj lzh ace iso img vhd vhdx dmg');
/** Documents that a browser opens with script running. */
const WEB = words('html htm xhtml shtml mht mhtml svg svgz xml xsl hta');

/** Content types that mean "a program" whatever the name says. */
const PROGRAM_TYPES = [
  /^application\/(x-)?(msdownload|msdos-program|ms-dos-executable|ms-installer|x-msi|executable|x-executable|x-dosexec)$/i,
  /^application\/vnd\.microsoft\.portable-executable$/i,
  /^application\/(x-)?(sh|shellscript|csh|perl|python|ruby|php|java-archive|bat|javascript|ecmascript)$/i,
  /^text\/(x-)?(sh|shellscript|javascript|ecmascript|vbscript|x-python|x-perl)$/i,
  /^application\/x-(apple-diskimage|ms-shortcut|desktop|appimage)$/i,
];

/** The extension the OS will go by: Windows ignores trailing dots and spaces, so do we. */
export function openingExtension(filename: string): string {
  const name = filename
    .trim()
    .replace(/[.\s]+$/, '')
    .toLowerCase();
  const dot = name.lastIndexOf('.');
  return dot >= 0 ? name.slice(dot + 1) : '';
}

/** Whether an attachment may be opened with the system's app, or why it is saved instead. */
export function openPolicy(filename: string, contentType: string): OpenPolicy {
  const extension = openingExtension(filename);
  // the media type alone: 'application/x-msdownload; name="report.pdf"' is a program too
  const mediaType = contentType.split(';')[0]!.trim();
  if (PROGRAMS.has(extension) || PROGRAM_TYPES.some((pattern) => pattern.test(mediaType)))
    return { open: false, reason: 'program' };
  if (OPENS_DIRECTLY.has(extension)) return { open: true };
  if (MACROS.has(extension)) return { open: false, reason: 'macros' };
  if (ARCHIVES.has(extension)) return { open: false, reason: 'archive' };
  if (WEB.has(extension)) return { open: false, reason: 'web' };
  return { open: false, reason: 'unlisted' };
}
