// Prints, as JSON, every ADR of the log4brains project in a folder, as
// log4brains' own core reads them: the same API (Log4brains.searchAdrs) its
// `build` uses to write each ADR's page data.
// Usage: node log4brains_adrs.cjs NODE_MODULES PROJECT_DIR
"use strict";
const path = require("node:path");

const [nodeModules, project] = process.argv.slice(2);
const { Log4brains } = require(path.join(nodeModules, "@log4brains", "core"));

Log4brains.create(project)
  .searchAdrs()
  .then((adrs) => {
    const shown = adrs.map((adr) => ({
      slug: adr.slug,
      title: adr.title,
      status: adr.status,
      deciders: adr.deciders,
      publicationDate: adr.publicationDate,
      supersededBy: adr.supersededBy,
      body: adr.body.enhancedMdx,
    }));
    process.stdout.write(JSON.stringify(shown));
  })
  .catch((error) => {
    console.error(String(error && error.stack ? error.stack : error));
    process.exit(2);
  });
