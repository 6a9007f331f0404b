/**
 * office-addin-mock imports office-addin-manifest only for this enum; the real package pulls in ESM-only
 * dependencies that jest cannot load, so jest maps it here (moduleNameMapper in package.json).
 */
export enum OfficeApp {
  Excel = 'excel',
  OneNote = 'onenote',
  Outlook = 'outlook',
  PowerPoint = 'powerpoint',
  Project = 'project',
  Word = 'word',
}
