/**
 * Fictional but realistic people, companies and places. Varied and international on purpose,
 * with non-ASCII names and company names holding commas and quotes to exercise CSV quoting.
 */

/** Splits a `;`-separated list (lines wrap anywhere), so the data stays compact and formatter-proof. */
function list(text: string): readonly string[] {
  return text
    .split(';')
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
}

export const FIRST_NAMES = list(`
  James; Maria; José; Zoë; Łukasz; Aoife; Siobhán; Wei; Chen; Priya; Arjun; Fatima; Mohammed; Olusegun;
  Chiamaka; Kwame; Yuki; Haruto; Min-jun; Seo-yeon; Ana; João; Sören; Björn; Élodie; François; Gülşen;
  Mehmet; Ingrid; Lars; Anastasia; Dmitri; Olga; Sarah; David; Emily; Michael; Jessica; Daniel; Laura;
  Thomas; Sophie; Lucas; Camille; Mateo; Valentina; Diego; Lucía; Noah; Emma; Liam; Olivia; Raj; Ananya;
  Vikram; Meera; Tariq; Leila; Omar; Yasmin; Hiroshi; Aiko; Ngozi; Tendai; Thandiwe; Kofi; Ama; Chloé;
  René; Agnieszka; Małgorzata; Søren; Åsa; Jürgen; Katarzyna; Nikolaos; Eleni; Giulia; Marco; Francesca;
  Pedro; Inês; Rachel; Benjamin; Hannah; Samuel; Grace; Ethan; Chloe; Ryan; Megan; Kevin; Nicole; Brian;
  Ashley; Jonathan; Rebecca; Andrew; Natalia; Ramón; Dolores; Tomás; Ximena; Bruno; Mariana; Oğuz;
  Zeynep; Ivan; Mei; Linh; Minh; Sipho; Aisha; Carlos; Beatriz; Henrik; Freya; Ciarán; Niamh;
`);

export const LAST_NAMES = list(`
  Smith; Núñez; García; Müller; Schröder; Kowalski; Wiśniewski; Nowak; O'Brien; Nguyễn; Tran; Kim; Park;
  Tanaka; Suzuki; Patel; Sharma; Okafor; Mensah; Adeyemi; Silva; Santos; Rossi; Bianchi; Dubois; Lefèvre;
  Johansson; Andersson; Cohen; Levi; Haddad; Khan; Ali; van der Berg; de Souza; Fernández; López;
  Papadopoulos; Yılmaz; Øvergaard; Çelik; Johnson; Williams; Brown; Jones; Miller; Davis; Wilson;
  Anderson; Taylor; Thomas; Moore; Martin; Jackson; Thompson; White; Harris; Clark; Lewis; Robinson;
  Walker; Young; Allen; King; Wright; Scott; Hill; Green; Baker; Nelson; Mitchell; Campbell; Roberts;
  Carter; Phillips; Evans; Turner; Torres; Ramírez; Flores; Rivera; Gómez; Díaz; Reyes; Morales; Ortiz;
  Gutiérrez; Chavez; Wang; Li; Zhang; Liu; Chen; Yang; Huang; Zhao; Singh; Kumar; Gupta; Iyer; Reddy;
  Nair; Sato; Takahashi; Watanabe; Lee; Choi; Jung; Kang; Hoffmann; Schneider; Fischer; Weber; Becker;
  Novák; Dvořák; Horváth; Nagy; Popescu; Ionescu; Petrov; Volkov; Lindqvist; Nieminen; Virtanen; Hansen;
  Jensen; Larsen; Murphy; Kelly; Byrne; McCarthy; Walsh; Moreau; Fontaine; Conti; Romano; Esposito;
  Costa; Pereira; Oliveira; Eze; Okonkwo; Boateng; Dlamini; Nkosi; Abdullah; Rahman; Hussain; Friedman;
  Goldberg; Kaplan; Sánchez;
`);

export const COMPANIES = list(`
  Northwind Logistics; Meridian Freight; Helix Biologics; Larkspur Health; Contoso Retail;
  Fabrikam Manufacturing; Bergmann & Söhne GmbH; Okafor, Mensah & Partners; The "Good" Coffee Co.;
  Smith, Barnes and Lowe LLP; Nakamura Robotics K.K.; Alves Consultoria; Fjord Analytics AS;
  Česká Data s.r.o.; Bluepeak Software; Copperline Energy; Tidewater Insurance; Quillstone Bank;
  Harborview Capital; Summit Ridge Foods; Vantage Point Media; Ironbridge Construction;
  Pinecrest Hospitality; Silverleaf Pharma; Redwood Payments; Orchid Telecom; Kestrel Aerospace;
  Sable & Finch Design; Lumen Learning Labs; Atlas Cold Chain; Greenfield Agritech; Polaris Mobility;
  Cobalt Security; Nimbus Cloud Services; Saffron Hotels; Keystone Staffing; Brightline Clinics;
  Verdant Packaging; Mosaic Marketing Group; Ashgrove Legal; Driftwood Outdoor Co.; Halcyon Travel;
  Aurora Semiconductors; Westbrook University; Riverstone Property Group; Yamato Precision;
  Sundaram Textiles; Lagos Fintech Hub; Kapok Ventures; Maplewood Schools; Evergreen Utilities;
  Blackwater Shipping; Solstice Solar; Tessellate AI; Granite State Credit Union; Foxglove Studios;
  Acme, Inc.; Hargreaves "HQ" Holdings; Marlowe & Co.; Zephyr Wind Power; Osprey Medical Devices;
  Cascadia Outfitters; Bellweather Research; Starling Grocers; Oakhurst Manufacturing; Self-employed;
  Freelance; Stealth Startup;
`);

/** Titles of people an account executive sells to or works beside. */
export const BUYER_TITLES = list(`
  VP of Operations; Head of Revenue Operations; Director of Finance; Chief Financial Officer;
  Chief Operating Officer; IT Manager; Procurement Lead; Founder & CEO; Customer Success Manager;
  Head of Data; Senior Data Analyst; Operations Manager; Supply Chain Director; Partner;
  Account Executive; Sales Development Representative; Marketing Director, EMEA; Product Manager;
  Senior Software Engineer; Director of Business Intelligence; Controller; VP Sales, North America;
  Chief Technology Officer; Head of Procurement; Program Manager; Business Analyst; Regional Manager;
  Director of Customer Experience; Principal Consultant; General Counsel;
`);

export const RECRUITER_TITLES = list(`
  Senior Technical Recruiter; Talent Acquisition Partner; Executive Search Consultant;
  Recruitment Manager, Sales; Head of Talent;
`);

export const SPAMMER_TITLES = list(`
  Lead Generation Expert; Growth Consultant | 10x your pipeline; Founder & CEO, LinkedIn Ghostwriting;
  Offshore Development Partner; Appointment Setting Specialist;
`);

export const SPAM_COMPANIES = list(`
  Growth Hackers, LLC; PipelineBoost; LeadNinja Agency; DevSource Global;
`);

export const CITIES = list(`
  Austin; Chicago; New York; San Francisco; Toronto; London; Dublin; Berlin; Munich; Kraków; Warsaw;
  Paris; Lyon; Madrid; Barcelona; Lisbon; Amsterdam; Copenhagen; Stockholm; Oslo; Zürich; Milan;
  Istanbul; Dubai; Lagos; Nairobi; Cape Town; Bengaluru; Mumbai; Singapore; Tokyo; Seoul; Sydney;
  São Paulo; Mexico City; Denver;
`);

export const CAFES = list(`
  Blue Bottle; the café downstairs; Merit Coffee; Houndstooth; their office; a Starbucks near the client;
  Café Central; the hotel lobby; Ritual Coffee; the airport lounge;
`);

export const TOPICS = list(`
  the Q3 renewal; your data warehouse migration; forecasting accuracy; the pilot with your ops team;
  pricing for the Enterprise tier; the SOC 2 questionnaire; the Salesforce integration;
  onboarding timelines; your team's dashboard rollout; the RFP; churn reporting; the board deck;
  inventory visibility; the budget cycle; your expansion into EMEA; the security review;
`);

export const SKILLS = list(`
  Solution Selling; SaaS; Salesforce.com; Negotiation; Account Management; Business Development; MEDDIC;
  Pipeline Management; Public Speaking; Data Analysis;
`);
