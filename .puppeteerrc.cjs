// Browsers come from the system (see README): never let puppeteer download one.
module.exports = { skipDownload: true };
