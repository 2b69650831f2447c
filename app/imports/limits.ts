/** Files above this are refused before they are read (a 500,000-row roster is about 50 MB). */
export const MAX_IMPORT_BYTES = 100 * 1024 * 1024;
export const MAX_IMPORT_LABEL = "100 MB";
