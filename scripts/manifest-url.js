// The manifest's development origin and its replacement for a production build.
// Every occurrence is replaced, not only the first (TOOLCHAIN-NOTES 9).
/* eslint-disable */
const DEV_URL = "https://localhost:3000/";

/** @param {string|Buffer} content @param {string} productionUrl @returns {string} */
function toProductionManifest(content, productionUrl) {
  if (!/^https:\/\/[^\s"<>]+\/$/.test(productionUrl)) {
    throw new Error(`COMPSTUDY_URL must be an https URL ending in '/', got '${productionUrl}'`);
  }
  return content
    .toString()
    .split(DEV_URL)
    .join(productionUrl)
    .split("https://localhost:3000")
    .join(productionUrl.slice(0, -1));
}

module.exports = { DEV_URL, toProductionManifest };
