/** A JSON value: what policies, plan documents and patches are made of. */
export type Json = null | boolean | number | string | Json[] | JsonObject;
export interface JsonObject {
  [key: string]: Json;
}
