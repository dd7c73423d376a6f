/** The sample tables, generated at build time from samples/portland-2013.xlsx (webpack.config.js). */
declare module "compstudy-sample" {
  const sample: {
    asOf: string;
    tables: { sheet: string; table: string; rows: (string | number | boolean | null)[][] }[];
  };
  export default sample;
}
