declare module "*.graphql" {
  const document: { text: string; hash: string; operationName: string };
  export default document;
}
