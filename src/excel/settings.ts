/** Banli's settings kept with the workbook: the document store over Excel's document settings (see config/documentStore). */
export { CONFIG_SETTING, DOCUMENT_SETTINGS_MEMBERS, documentConfigStore, documentSettingsUsable, readStored } from '../config/documentStore';
export type { ConfigStore, DocumentSettings, StoredConfig } from '../config/documentStore';
