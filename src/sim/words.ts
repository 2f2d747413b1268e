// The few word lists the fixtures draw names from: enough variety for readable data, a few KiB
// instead of a faker locale (hundreds of KiB) on the runtime path and in the browser build.

export const firstNames = [
  'ada', 'alan', 'amara', 'ben', 'carla', 'chen', 'dana', 'diego', 'elena', 'emeka', 'farah', 'felix',
  'grace', 'hana', 'ivan', 'jade', 'jonas', 'kai', 'lena', 'luis', 'maya', 'milo', 'nadia', 'noah',
  'olga', 'omar', 'priya', 'quinn', 'rosa', 'sami', 'sofia', 'tariq', 'uma', 'victor', 'wen', 'yara',
] as const;

export const lastNames = [
  'abbott', 'baker', 'castillo', 'dubois', 'eriksen', 'fischer', 'garcia', 'haddad', 'ito', 'jensen',
  'kowalski', 'larsen', 'moreau', 'nakamura', 'okafor', 'patel', 'quintero', 'rossi', 'schmidt', 'tanaka',
  'umar', 'varga', 'walsh', 'xu', 'yilmaz', 'zhang',
] as const;

/** Company-name stems: "<Stem> <Kind>" and "<Stem> & <Stem>" read like a real customer list. */
export const companyStems = [
  'Acme', 'Apex', 'Beacon', 'Birch', 'Blue Harbor', 'Cedar', 'Cobalt', 'Crescent', 'Delta', 'Ember',
  'Evergreen', 'Falcon', 'Granite', 'Harbor', 'Horizon', 'Iron Gate', 'Juniper', 'Keystone', 'Lakeside',
  'Lumen', 'Maple', 'Meridian', 'Northwind', 'Oakridge', 'Orchard', 'Pioneer', 'Quarry', 'Redwood',
  'Ridgeway', 'Summit', 'Sterling', 'Tidewater', 'Union', 'Vantage', 'Willow', 'Zenith',
] as const;

export const companyKinds = ['Group', 'Lending', 'Partners', 'Holdings', 'Media', 'Labs', 'Insurance', 'Solar', 'Home Services', 'Finance', 'LLC', 'Inc'] as const;

export const adjectives = [
  'agile', 'bold', 'bright', 'calm', 'clear', 'eager', 'fair', 'fast', 'fresh', 'grand', 'keen', 'lucky',
  'modern', 'noble', 'prime', 'quick', 'rapid', 'smart', 'solid', 'swift', 'true', 'vivid', 'warm', 'wise',
] as const;

export const nouns = [
  'anchor', 'bridge', 'canyon', 'compass', 'engine', 'falcon', 'forest', 'garden', 'harbor', 'island',
  'lantern', 'meadow', 'orbit', 'pillar', 'prairie', 'river', 'rocket', 'signal', 'summit', 'thunder',
  'valley', 'voyage', 'window', 'zephyr',
] as const;

export const catchVerbs = ['Streamlined', 'Integrated', 'Reliable', 'Scalable', 'Customer-focused', 'Secure', 'Automated', 'Seamless'] as const;
export const catchNouns = ['lead delivery', 'partner network', 'data exchange', 'sales pipeline', 'compliance workflow', 'buyer platform', 'routing engine'] as const;

export const cities = [
  'Austin', 'Barcelona', 'Berlin', 'Boston', 'Brisbane', 'Copenhagen', 'Denver', 'Dublin', 'Lisbon',
  'Lyon', 'Madrid', 'Malmo', 'Melbourne', 'Milan', 'Munich', 'Oslo', 'Porto', 'Rotterdam', 'Seville',
  'Stockholm', 'Toronto', 'Utrecht', 'Valencia', 'Vienna', 'Zurich',
] as const;

export const emailDomains = ['example.com', 'example.net', 'example.org'] as const;
