// The editor's page starts the CMS itself (redaktion.js), after our YAML format is registered.
window.CMS_MANUAL_INIT = true;
