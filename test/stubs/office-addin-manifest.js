// Stand-in for office-addin-manifest under jest (see jest.config.js): only the enum the
// mock reads.
module.exports.OfficeApp = {
  Excel: "excel",
  OneNote: "onenote",
  Outlook: "outlook",
  PowerPoint: "powerpoint",
  Project: "project",
  Word: "word",
};
