// Cross-reference checks the XML schema cannot make (used by `npm run validate`, CI and
// test/manifest): every resid resolves; the shared runtime, the custom-functions page and
// the function file use one URL; namespace COMP; ReadWriteDocument only; every icon exists
// in assets/; every URL is https; a production manifest has no localhost left.
/* eslint-disable */
const fs = require("fs");
const path = require("path");
const { execFileSync } = require("child_process");
const { DOMParser } = require("@xmldom/xmldom");

const BT = "http://schemas.microsoft.com/office/officeappbasictypes/1.0";

function elements(doc, localName) {
  const found = [];
  const all = doc.getElementsByTagName("*");
  for (let i = 0; i < all.length; i++) if (all[i].localName === localName) found.push(all[i]);
  return found;
}

/**
 * Returns the problems found in a manifest's text (empty when none).
 * @param {string} xml
 * @param {{ production?: boolean, assetsDir?: string }} [options]
 * @returns {string[]}
 */
function checkManifest(xml, options = {}) {
  const problems = [];
  let doc;
  try {
    const parseErrors = [];
    doc = new DOMParser({
      onError: (level, message) => level !== "warning" && parseErrors.push(message),
    }).parseFromString(xml, "text/xml");
    if (parseErrors.length > 0 || !doc.documentElement) throw new Error(parseErrors[0] || "no root element");
  } catch (error) {
    return [`manifest is not well-formed XML: ${error.message}`];
  }

  const resources = new Map();
  for (const name of ["Image", "Url", "String"]) {
    for (const el of elements(doc, name)) {
      if (el.namespaceURI === BT && el.getAttribute("id"))
        resources.set(el.getAttribute("id"), el.getAttribute("DefaultValue"));
    }
  }
  const all = doc.getElementsByTagName("*");
  for (let i = 0; i < all.length; i++) {
    const resid = all[i].getAttribute && all[i].getAttribute("resid");
    if (resid && !resources.has(resid))
      problems.push(`resid '${resid}' (on <${all[i].localName}>) is not defined in <Resources>`);
  }

  const runtime = elements(doc, "Runtime")[0];
  const functionFile = elements(doc, "FunctionFile")[0];
  const cfPoint = elements(doc, "ExtensionPoint").find((el) => el.getAttribute("xsi:type") === "CustomFunctions");
  const page = cfPoint && elements(cfPoint, "Page")[0];
  const pageSource = page && elements(page, "SourceLocation")[0];
  if (!runtime) problems.push("no <Runtime>: the shared runtime is not declared");
  else if (runtime.getAttribute("lifetime") !== "long")
    problems.push("the <Runtime> lifetime must be 'long' (shared runtime)");
  if (!cfPoint) problems.push("no CustomFunctions extension point");
  const ids = {
    Runtime: runtime && runtime.getAttribute("resid"),
    "CustomFunctions Page": pageSource && pageSource.getAttribute("resid"),
    FunctionFile: functionFile && functionFile.getAttribute("resid"),
  };
  const urls = new Set(Object.values(ids).map((id) => resources.get(id)));
  if (urls.size !== 1 || urls.has(undefined)) {
    problems.push(`Runtime, Page and FunctionFile must use the same URL: ${JSON.stringify(ids)}`);
  }
  const namespace = cfPoint && elements(cfPoint, "Namespace")[0];
  if (!namespace || resources.get(namespace.getAttribute("resid")) !== "COMP")
    problems.push("the functions namespace must be COMP");

  const permissions = elements(doc, "Permissions")[0];
  if (!permissions || permissions.textContent.trim() !== "ReadWriteDocument") {
    problems.push("Permissions must be ReadWriteDocument (and nothing more)");
  }
  const hosts = elements(doc, "Host").filter((el) => el.getAttribute("Name"));
  if (hosts.length !== 1 || hosts[0].getAttribute("Name") !== "Workbook")
    problems.push("the only host must be Workbook (Excel)");

  const urlValues = [];
  for (let i = 0; i < all.length; i++) {
    const value = all[i].getAttribute && all[i].getAttribute("DefaultValue");
    if (value && /^[a-z]+:\/\//i.test(value)) urlValues.push(value);
  }
  for (const el of elements(doc, "AppDomain")) urlValues.push(el.textContent.trim());
  for (const url of urlValues) {
    if (!url.startsWith("https://")) problems.push(`URL is not https: ${url}`);
    if (options.production && /localhost/i.test(url))
      problems.push(`production manifest still points at localhost: ${url}`);
    const icon = /\/assets\/([^/?#]+\.png)$/.exec(url);
    if (icon && options.assetsDir && !fs.existsSync(path.join(options.assetsDir, icon[1]))) {
      problems.push(`icon ${icon[1]} is referenced but missing from assets/`);
    }
  }
  return problems;
}

module.exports = { checkManifest };

if (require.main === module) {
  const root = path.join(__dirname, "..");
  let failed = false;
  const report = (label, problems) => {
    if (problems.length === 0) console.log(`${label}: cross-references OK`);
    for (const problem of problems) console.error(`${label}: ${problem}`);
    failed = failed || problems.length > 0;
  };
  const schema = path.join(root, "..", "shared", "manifest-xsd", "OfficeAppManifestV1_1.xsd");
  const targets = [["manifest.xml", false]];
  if (fs.existsSync(path.join(root, "dist", "manifest.xml")))
    targets.push([path.join("dist", "manifest.xml"), process.env.COMPSTUDY_DEV_BUILD !== "1"]);
  for (const [file, production] of targets) {
    const text = fs.readFileSync(path.join(root, file), "utf8");
    report(file, checkManifest(text, { production, assetsDir: path.join(root, "assets") }));
    if (fs.existsSync(schema)) {
      try {
        execFileSync("xmllint", ["--noout", "--schema", schema, path.join(root, file)], { stdio: "pipe" });
        console.log(`${file}: schema OK (offline XSD)`);
      } catch (error) {
        if (error.code === "ENOENT")
          console.log("xmllint not installed: schema check skipped (apt-get install libxml2-utils)");
        else {
          failed = true;
          console.error(`${file}: schema check failed\n${String(error.stderr || error.message)}`);
        }
      }
    } else {
      console.log("../shared/manifest-xsd not present: schema check skipped");
    }
  }
  process.exit(failed ? 1 : 0);
}
