// The storage keys the app uses, as in src/store/keys.rs (a unit test there keeps the two equal).
export const WORKING_KEY = 'contract-calc/v1/working';
export const SAVED_PREFIX = 'contract-calc/v1/saved/';
export const LANG_KEY = 'contract-calc/v1/lang';
export const QUARANTINE_PREFIX = 'contract-calc/quarantine/';
export const LINK_DRAFT_KEY = 'contract-calc/v1/link-draft';
export const OWN_DRAFT_KEY = 'contract-calc/v1/own-draft';
export const OPEN_SAVED_KEY = 'contract-calc/v1/open-saved';
