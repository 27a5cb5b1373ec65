import { describe, expect, it } from 'vitest';
import { copyJson, type JsonObject } from '../../src/model/json.js';

describe('copyJson', () => {
  it('copies every level, so changing the copy leaves the original as it was', () => {
    const original = JSON.parse('{"Statement":[{"Sid":"a","Principal":{"AWS":["x"]},"Condition":null,"n":1,"b":false}]}') as JsonObject;
    const copy = copyJson(original);
    expect(copy).toEqual(original);
    ((copy.Statement as JsonObject[])[0].Principal as { AWS: string[] }).AWS.push('y');
    (copy.Statement as JsonObject[]).push({});
    expect(original).toEqual(JSON.parse('{"Statement":[{"Sid":"a","Principal":{"AWS":["x"]},"Condition":null,"n":1,"b":false}]}'));
  });

  it('keeps a "__proto__" key an own key, as JSON.parse does, and never sets the prototype', () => {
    const original = JSON.parse('{"__proto__":{"polluted":true},"a":1}') as JsonObject;
    const copy = copyJson(original);
    expect(Object.keys(copy)).toEqual(['__proto__', 'a']);
    expect(Object.getPrototypeOf(copy)).toBe(Object.prototype);
    expect((copy as { polluted?: boolean }).polluted).toBeUndefined();
    expect(JSON.stringify(copy)).toBe(JSON.stringify(original));
  });
});
