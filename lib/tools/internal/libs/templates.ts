/** nunjucks (Tera-like) and handlebars, imported statically here and lazily by template-creator (see ajv.ts). */
import Handlebars from "handlebars";
import nunjucks from "nunjucks";

export { Handlebars, nunjucks };
