import { describe, expect, it } from 'vitest';
import { vendorNames } from '../../src/contract/names.js';
import { stateDigest } from './digests.js';

// The seeded data, pinned: sha256 of each API's state export (keys sorted) per seed and size.
// A change to a fixture builder or to the generator shows here; when the change is meant,
// print the new table with `npx tsx test/speed/print-digests.ts` and paste it.
const pinned: Record<string, Record<string, string>> = {
  leadconduit: {
    '42/1': 'f6da82f1c1db08b3a190abf590578f587f28e6fd5fb719ca5033af2eb9884591',
    '42/20': '8311403f8fd35a0642676a8e311fc68206b3cd6f62c15ef597df177fad651011',
    '42/1000': 'a91e1fd7895b7b95ff2b39a2a93e2018b6492060395ae0b2118d72c9b2c5d066',
    '7/1': '73c99650567443f79b245b339a5c5234a2a2602d54a276e283e4610b02ce8fcc',
    '7/20': '525e510c48217d51038e6c11300f16990009aa585ca5582f69a0192f3cf858d7',
    '7/1000': '587086c98d150009b41dc9319868a181eb5502916c189e0a09d4bb41ff245d96',
  },
  auth0: {
    '42/1': '01d24e8c21fbfb3c3e5a2c33745b797726e060c5c45724c6204f33b43766ba1a',
    '42/20': '94e8f8f3bbe28befcb16168a3b66133bd5e00da413119d27dc85900f1e815556',
    '42/1000': 'dda74e23f72bf58d318afd3889cb730fa7bcc52101224156c412fab6775e7a07',
    '7/1': '17bb9f834c99d2f71cdf500abf5a367c970edccd04851c834bf752ddb81e1765',
    '7/20': 'de9f4b88a929063cc8a49539a05681a30366390280908dd6afc95121e4086758',
    '7/1000': '94c2285d922fdd6699f96fe5b7f585b41a9eb9179b9c5660ada790467eb2f3ee',
  },
  mycreditapp: {
    '42/1': '08d2d01e95b1675b6045c4cdc86a6e692eb53464c0b848461b70854cfe580bcb',
    '42/20': 'e7e218d3d178927e58d5e57711cdc5384b48ae83b97b56fb0b0a5a989f6fce30',
    '42/1000': 'd6ae41318c085f4aef1d05fb35cf50344cb044e63ccfc00af287b28469e2f852',
    '7/1': '5c75fbf7db758c98910486a5a35293ef4ab99344d88a13677454764a938d9ec4',
    '7/20': '700c7a22949119cac6779a3981b7dc65b99e08a290b023bac617a59670ce0d76',
    '7/1000': 'db54845d06fea25725bb4eafa9c0b2fc2c9988366fad05a08b41e70081384dfb',
  },
  wingfield: {
    '42/1': '1ff1cb722ae9d315404f6926b901ab518bb370699c3085f3785f18adf2f3dc5c',
    '42/20': '558b571a614ac06351f77437c166966a0596513f4cbefe4e1e947eb4cd30856d',
    '42/1000': '1083d4707f0b87e1252863ef36201cc788292cc53a7db081c83d62bee15935a7',
    '7/1': 'd5ff59243fab979c1cdd3bd9eeacbc2d784540fd1dc24fd83eafc497c30e9f01',
    '7/20': 'b0f754e20e05502833da4c2ab46d03d00b97352f47554bbc90411c37708d538a',
    '7/1000': 'c3a72d270602d3c4753c6b846cf64e56a0a87d173afe0cbc3cca7362688aaadb',
  },
};

describe('seeded data is the same on every machine', () => {
  for (const api of vendorNames)
    it(`${api}: seeds 42 and 7 at sizes 1, 20 and 1000 give the pinned digests`, () => {
      const got: Record<string, string> = {};
      for (const seed of [42, 7])
        for (const size of [1, 20, 1000]) got[`${seed}/${size}`] = stateDigest(api, seed, size);
      expect(got).toEqual(pinned[api]);
    });

  it('differs between seeds and sizes (the digest is of the data, not a constant)', () => {
    const all = Object.values(pinned).flatMap((v) => Object.values(v));
    expect(new Set(all).size).toBe(all.length);
  });
});
