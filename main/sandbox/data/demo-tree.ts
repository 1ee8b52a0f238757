/**
 * The demo organization tree, after the story of WSO2's "Share agents with organizations":
 * a root with a "Business" child whose regional offices sit beneath it, next to Retail,
 * Logistics and a few other businesses — 41 organizations over four levels.
 */
import { DEMO } from './demo-ids';

export interface DemoOrg {
  name: string;
  orgHandle: string;
  description: string;
  /** Fixed id from `DEMO.orgs`; the others get name-based ids. */
  fixedId?: string;
  status?: 'ACTIVE' | 'DISABLED';
  attributes?: { key: string; value: string }[];
  children?: DemoOrg[];
}

const office = (
  name: string,
  orgHandle: string,
  country: string,
  children?: DemoOrg[],
  fixedId?: string,
): DemoOrg => ({
  name,
  orgHandle,
  description: `Regional office in ${name}`,
  attributes: [{ key: 'Country', value: country }],
  ...(children ? { children } : {}),
  ...(fixedId ? { fixedId } : {}),
});

const unit = (name: string, orgHandle: string, description: string, children?: DemoOrg[]) => ({
  name,
  orgHandle,
  description,
  ...(children ? { children } : {}),
});

export const DEMO_TREE: DemoOrg[] = [
  {
    name: 'Business',
    orgHandle: 'business',
    description: 'Business customers and their regional offices',
    fixedId: DEMO.orgs.business,
    children: [
      {
        ...unit('Business Europe', 'business-europe', 'European region'),
        fixedId: DEMO.orgs.businessEurope,
        attributes: [{ key: 'Region', value: 'EMEA' }],
        children: [
          office(
            'Berlin',
            'business-berlin',
            'Germany',
            [
              unit('Berlin Customer Care', 'berlin-customer-care', 'Customer care desk in Berlin'),
              unit('Berlin Sales', 'berlin-sales', 'Sales team in Berlin'),
            ],
            DEMO.orgs.businessEuropeBerlin,
          ),
          office('Paris', 'business-paris', 'France'),
          office('London', 'business-london', 'United Kingdom'),
          office('Madrid', 'business-madrid', 'Spain'),
        ],
      },
      {
        ...unit('Business Asia', 'business-asia', 'Asia-Pacific region'),
        fixedId: DEMO.orgs.businessAsia,
        attributes: [{ key: 'Region', value: 'APAC' }],
        children: [
          office('Singapore', 'business-singapore', 'Singapore', [
            unit('Singapore Support', 'singapore-support', 'Support centre in Singapore'),
          ]),
          office('Tokyo', 'business-tokyo', 'Japan'),
          office('Mumbai', 'business-mumbai', 'India'),
        ],
      },
      {
        ...unit('Business Americas', 'business-americas', 'Americas region'),
        fixedId: DEMO.orgs.businessAmericas,
        attributes: [{ key: 'Region', value: 'AMER' }],
        children: [
          office('New York', 'business-new-york', 'United States'),
          office('São Paulo', 'business-sao-paulo', 'Brazil'),
          office('Toronto', 'business-toronto', 'Canada'),
        ],
      },
    ],
  },
  {
    ...unit('Retail', 'retail', 'Retail brands and stores', [
      unit('Retail Online', 'retail-online', 'Web and mobile shop'),
      unit('Retail Stores', 'retail-stores', 'Physical stores', [
        unit('Stores North', 'retail-stores-north', 'Stores in the northern region'),
        unit('Stores South', 'retail-stores-south', 'Stores in the southern region'),
      ]),
    ]),
    fixedId: DEMO.orgs.retail,
  },
  {
    ...unit('Logistics', 'logistics', 'Freight, warehousing and customs', [
      unit('Warehousing', 'logistics-warehousing', 'Warehouse operations', [
        unit('Rotterdam Hub', 'logistics-rotterdam', 'Distribution hub in Rotterdam'),
        unit('Singapore Hub', 'logistics-singapore', 'Distribution hub in Singapore'),
      ]),
      unit('Fleet', 'logistics-fleet', 'Trucks and drivers'),
      unit('Customs', 'logistics-customs', 'Customs clearance'),
    ]),
    fixedId: DEMO.orgs.logistics,
  },
  unit('Healthcare', 'healthcare', 'Clinics and pharmacies', [
    unit('Clinics', 'healthcare-clinics', 'Outpatient clinics'),
    unit('Pharmacy', 'healthcare-pharmacy', 'Pharmacy chain'),
  ]),
  unit('Finance Partners', 'finance-partners', 'Payment and insurance partners', [
    unit('Payments', 'finance-payments', 'Payment processing partner'),
    unit('Insurance', 'finance-insurance', 'Insurance partner'),
  ]),
  unit('Education', 'education', 'Schools and universities', [
    unit('Universities', 'education-universities', 'University programme'),
    { ...unit('Schools', 'education-schools', 'School programme (paused)'), status: 'DISABLED' },
  ]),
  unit('Public Sector', 'public-sector', 'Government customers', [
    unit('City Services', 'public-city-services', 'Municipal services'),
  ]),
];
