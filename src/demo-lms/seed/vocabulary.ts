// The words the demo data is made of: the trades whose suppliers and manufacturers publish
// courses on the LMS, their product lines, the people who take the courses and where they
// work, and the computers they take them on. Every screen is judged on how real this reads.

export interface Trade {
  /** How a category of this trade is named after its brand, e.g. "Door Hardware". */
  suffix: string;
  productLines: readonly string[];
  /** Topics of a course's modules, in the order a course would teach them. */
  moduleTopics: readonly string[];
}

export const trades: readonly Trade[] = [
  {
    suffix: 'Door Hardware',
    productLines: ['Fire-Rated Door Hardware', 'Exit Devices', 'Electrified Locks and Access Control', 'Door Closers', 'Continuous Hinges', 'Mortise Locks', 'Cylindrical Locks', 'Master Keying Systems', 'ADA-Compliant Openings', 'Panic Hardware', 'Hollow Metal Frames', 'Electric Strikes'],
    moduleTopics: ['Product Overview', 'Installation and Code Compliance', 'Fire and Life Safety Ratings', 'Handing and Templates', 'Field Adjustments', 'Maintenance and Troubleshooting', 'Specification and Ordering', 'Final Assessment'],
  },
  {
    suffix: 'HVAC',
    productLines: ['Ductless Mini-Split Systems', 'Variable Refrigerant Flow', 'Cold-Climate Heat Pumps', 'Rooftop Units', 'A2L Refrigerant Handling', 'Zoning Controls', 'Condensing Furnaces', 'Energy Recovery Ventilators', 'Smart Thermostats', 'Duct Design Basics'],
    moduleTopics: ['System Overview', 'Sizing and Selection', 'Installation and Line Sets', 'Refrigerant Charging', 'Controls and Wiring', 'Commissioning', 'Service and Diagnostics', 'Final Assessment'],
  },
  {
    suffix: 'Roofing',
    productLines: ['Asphalt Shingle Installation', 'TPO Membrane Roofing', 'Standing Seam Metal Roofing', 'Ice and Water Barriers', 'Roof Ventilation', 'Flashing Details', 'Synthetic Underlayment', 'Low-Slope Roof Repair', 'Roof Coatings'],
    moduleTopics: ['Product Overview', 'Deck Preparation', 'Installation Sequence', 'Flashing and Penetrations', 'Ventilation Requirements', 'Warranty Requirements', 'Inspection and Repair', 'Final Assessment'],
  },
  {
    suffix: 'Flooring',
    productLines: ['Luxury Vinyl Plank', 'Engineered Hardwood', 'Concrete Slab Moisture Testing', 'Commercial Carpet Tile', 'Sheet Vinyl Heat Welding', 'Floor Underlayments', 'Large-Format Porcelain Tile', 'Rubber Sports Flooring'],
    moduleTopics: ['Product Overview', 'Subfloor Preparation', 'Moisture and Acclimation', 'Installation Methods', 'Transitions and Trims', 'Care and Maintenance', 'Warranty and Claims', 'Final Assessment'],
  },
  {
    suffix: 'Lighting',
    productLines: ['LED Retrofit Kits', 'Lighting Controls and Dimming', 'Emergency and Exit Lighting', 'Title 24 Lighting Compliance', 'Linear Architectural Lighting', 'Color Temperature and CRI', 'Outdoor Area Lighting', 'Networked Lighting Controls'],
    moduleTopics: ['Fundamentals', 'Product Families', 'Layout and Photometrics', 'Wiring and Controls', 'Energy Code Compliance', 'Troubleshooting Flicker and Dimming', 'Final Assessment'],
  },
  {
    suffix: 'Plumbing',
    productLines: ['PEX Piping Systems', 'Tankless Water Heaters', 'Backflow Prevention', 'Touchless Faucets', 'Press Fitting Systems', 'Water Softeners', 'Commercial Flush Valves', 'Thermostatic Mixing Valves'],
    moduleTopics: ['Product Overview', 'Sizing and Selection', 'Installation and Code Compliance', 'Venting and Connections', 'Startup and Testing', 'Maintenance and Troubleshooting', 'Final Assessment'],
  },
  {
    suffix: 'Windows & Doors',
    productLines: ['Vinyl Replacement Windows', 'Fiberglass Entry Doors', 'Patio Door Installation', 'Window Flashing and Water Management', 'Impact-Rated Windows', 'Storm Doors', 'Egress Window Requirements'],
    moduleTopics: ['Product Overview', 'Measuring and Ordering', 'Rough Opening Preparation', 'Installation and Flashing', 'Adjustments and Hardware', 'Warranty and Service', 'Final Assessment'],
  },
  {
    suffix: 'Insulation',
    productLines: ['Spray Foam Insulation', 'Blown-In Cellulose', 'Mineral Wool Batts', 'Continuous Exterior Insulation', 'Air Sealing Essentials', 'Radiant Barriers'],
    moduleTopics: ['Building Science Basics', 'Product Selection', 'Installation Best Practices', 'Air Sealing', 'Code and R-Value Requirements', 'Safety and Handling', 'Final Assessment'],
  },
  {
    suffix: 'Electrical Supply',
    productLines: ['Arc-Fault Circuit Interrupters', 'EV Charger Installation', 'Residential Load Centers', 'Surge Protection Devices', 'Smart Switches and Dimmers', 'Commercial Wiring Devices', 'Solar Rapid Shutdown'],
    moduleTopics: ['Product Overview', 'Code Requirements', 'Installation and Wiring', 'Testing and Verification', 'Troubleshooting Nuisance Trips', 'Final Assessment'],
  },
  {
    suffix: 'Paint & Coatings',
    productLines: ['Exterior Paint Systems', 'Concrete Floor Coatings', 'Low-VOC Interior Finishes', 'Deck Stains and Sealers', 'Primers and Surface Prep', 'Elastomeric Wall Coatings'],
    moduleTopics: ['Product Overview', 'Surface Preparation', 'Application Methods', 'Dry Times and Recoats', 'Color Matching', 'Troubleshooting Failures', 'Final Assessment'],
  },
  {
    suffix: 'Cabinetry',
    productLines: ['Frameless Cabinet Installation', 'Kitchen Design Fundamentals', 'Cabinet Hardware and Soft-Close Hinges', 'Quartz Countertop Templating', 'Bathroom Vanities'],
    moduleTopics: ['Product Lines and Finishes', 'Measuring and Layout', 'Installation and Leveling', 'Hardware and Adjustments', 'Damage Claims and Warranty', 'Final Assessment'],
  },
  {
    suffix: 'Fire Protection',
    productLines: ['Fire Sprinkler Heads', 'Fire Extinguisher Inspection', 'Firestop Systems', 'Fire Alarm Devices', 'Smoke and Fire Dampers'],
    moduleTopics: ['Standards Overview', 'Product Selection', 'Installation Requirements', 'Inspection and Testing', 'Documentation', 'Final Assessment'],
  },
  {
    suffix: 'Siding & Exteriors',
    productLines: ['Fiber Cement Siding', 'Vinyl Siding Installation', 'Engineered Wood Trim', 'Rainscreen Systems', 'Composite Decking', 'Deck Railing Systems'],
    moduleTopics: ['Product Overview', 'Weather-Resistive Barriers', 'Installation and Fastening', 'Trim and Flashing', 'Finishing and Maintenance', 'Final Assessment'],
  },
  {
    suffix: 'Tile & Stone',
    productLines: ['Waterproofing Membranes', 'Tile Setting Mortars', 'Grout Selection', 'Shower System Installation', 'Natural Stone Care', 'Heated Floor Systems'],
    moduleTopics: ['Product Overview', 'Substrate Preparation', 'Waterproofing', 'Setting and Grouting', 'Movement Joints', 'Final Assessment'],
  },
];

/** Brand roots for suppliers and manufacturers; "Northgate" + "Door Hardware" = a category. */
export const brandRoots: readonly string[] = [
  'Northgate', 'Keystone', 'Summit', 'Bayline', 'Lumenta', 'Clearwater', 'Ironwood', 'Redstone', 'Harbor', 'Pinecrest',
  'Atlas', 'Meridian', 'Granite Peak', 'Silverline', 'Blue Ridge', 'Cascade', 'Prairie', 'Frontier', 'Beacon', 'Crestview',
  'Copperfield', 'Stonebridge', 'Westbrook', 'Halcyon', 'Tri-State', 'Paragon', 'Liberty', 'Everline', 'Falcon', 'Sentinel',
  'Oakridge', 'Trident', 'Ardent', 'Vantage', 'Coastal', 'Millbrook', 'Apex', 'Heritage', 'Norland', 'Brightwater',
  'Kingsbury', 'Eastfield', 'Lakeshore', 'Sterling', 'Fairmont', 'Black Rock', 'Whitmore', 'Cedar Point', 'Union', 'Pioneer',
  'Ridgeline', 'Aurora', 'Continental', 'Highmark', 'Tamarack', 'Bridgeport', 'Wolverine', 'Centennial', 'Mesa', 'Evergreen',
  'Dunmore', 'Allied', 'Broadway', 'Canyon', 'Delmar', 'Hartwell', 'Jefferson', 'Lincoln', 'Monarch', 'Orion',
];

/** How a course is named from a product line; the first is used most. */
export const coursePatterns: readonly string[] = [
  '{line}',
  '{line} Essentials',
  '{line}: Selection and Specification',
  'Advanced {line}',
  '{line} for Contractors',
  '{brand} {line} Certification',
  'Introduction to {line}',
  '{line} Installer Training',
  '{line} for Counter Sales',
];

export const firstNames: readonly string[] = [
  'James', 'Maria', 'Robert', 'Linda', 'Michael', 'Patricia', 'David', 'Jennifer', 'Carlos', 'Elizabeth',
  'Daniel', 'Susan', 'Jose', 'Jessica', 'Thomas', 'Sarah', 'Kevin', 'Karen', 'Brian', 'Nancy',
  'Anthony', 'Lisa', 'Mark', 'Sandra', 'Steven', 'Ashley', 'Andrew', 'Kimberly', 'Joshua', 'Emily',
  'Luis', 'Donna', 'Ryan', 'Michelle', 'Jason', 'Amanda', 'Justin', 'Melissa', 'Brandon', 'Stephanie',
  'Tyler', 'Rebecca', 'Aaron', 'Laura', 'Jorge', 'Heather', 'Nathan', 'Nicole', 'Adam', 'Rachel',
  'Derek', 'Tanya', 'Miguel', 'Crystal', 'Trevor', 'Rosa', 'Dustin', 'Brenda', 'Cody', 'Angela',
  'Wei', 'Priya', 'Tuan', 'Aisha', 'Dmitri', 'Fatima', 'Hiroshi', 'Olga', 'Kwame', 'Mei',
  'Juan', 'Ana', 'Travis', 'Kayla', 'Shane', 'Tiffany', 'Wade', 'Gloria', 'Chad', 'Denise',
  'Raj', 'Sofia', 'Terrence', 'Yolanda', 'Bill', 'Deb', 'Ray', 'Pam', 'Gus', 'Lorraine',
];

export const lastNames: readonly string[] = [
  'Smith', 'Johnson', 'Williams', 'Brown', 'Jones', 'Garcia', 'Miller', 'Davis', 'Rodriguez', 'Martinez',
  'Hernandez', 'Lopez', 'Gonzalez', 'Wilson', 'Anderson', 'Thomas', 'Taylor', 'Moore', 'Jackson', 'Martin',
  'Lee', 'Perez', 'Thompson', 'White', 'Harris', 'Sanchez', 'Clark', 'Ramirez', 'Lewis', 'Robinson',
  'Walker', 'Young', 'Allen', 'King', 'Wright', 'Scott', 'Torres', 'Nguyen', 'Hill', 'Flores',
  'Green', 'Adams', 'Nelson', 'Baker', 'Hall', 'Rivera', 'Campbell', 'Mitchell', 'Carter', 'Roberts',
  'Kowalski', 'Novak', 'Schmidt', 'Olsen', 'Lindqvist', 'Okafor', 'Mensah', 'Patel', 'Shah', 'Chen',
  'Wang', 'Kim', 'Park', 'Tanaka', 'Ivanov', 'Haddad', 'Farah', 'Murphy', "O'Brien", 'McAllister',
  'Dubois', 'Moreau', 'Rossi', 'Bianchi', 'Yilmaz', 'Demir', 'Castillo', 'Vargas', 'Mendoza', 'Reyes',
  'Brennan', 'Fitzgerald', 'Holloway', 'Pruitt', 'Whitaker', 'Boone', 'Stroud', 'Tillman', 'Yoder', 'Zimmerman',
];

export const workplacePlaces: readonly string[] = [
  'Hillside', 'Riverside', 'Lakeview', 'Oak Street', 'Metro', 'Tri-County', 'Valley', 'Coastal', 'Capitol', 'Midtown',
  'Eastside', 'Northern', 'Southside', 'Westgate', 'Main Street', 'Bayshore', 'Pine Valley', 'Twin Rivers', 'Mountain View', 'Harbor Point',
  'Cross Creek', 'Fox Run', 'Red Oak', 'Granite City', 'Old Mill', 'Cherry Hill', 'Elm Grove', 'Prairie View', 'Sandy Hook', 'High Plains',
  'Bluewater', 'Stone Ridge', 'Crossroads', 'Five Points', 'Union Square', 'Park Avenue', 'Willow Creek', 'Clover Field', 'Iron Range', 'Sunset',
];

export const workplaceKinds: readonly string[] = [
  'Building Supply', 'Lumber & Hardware', 'Mechanical', 'Roofing Co.', 'Flooring Center', 'Electric Supply', 'Plumbing & Heating',
  'Home Center', 'Contractors Supply', 'Door & Hardware', 'Heating & Cooling', 'Window & Door', 'Paint & Decorating', 'Kitchen & Bath',
  'Construction', 'Fire Protection', 'Exteriors', 'Tile & Stone', 'Insulation Co.', 'Hardware',
];

export const surnameWorkplaceForms: readonly string[] = ['{name} & Sons', '{name} Brothers', "{name}'s", '{name} & Associates', '{name} Family'];

export interface EnvironmentProfile {
  os: string;
  browser: string;
  userAgent: string;
}

/** Computers learners take courses on; weights favour what workplaces actually run. */
export const environments: readonly (readonly [EnvironmentProfile, number])[] = [
  [{ os: 'Windows 10', browser: 'Chrome 131', userAgent: 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36' }, 30],
  [{ os: 'Windows 11', browser: 'Edge 131', userAgent: 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36 Edg/131.0.2903.86' }, 22],
  [{ os: 'Windows 11', browser: 'Chrome 131', userAgent: 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36' }, 14],
  [{ os: 'Windows 10', browser: 'Firefox 133', userAgent: 'Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:133.0) Gecko/20100101 Firefox/133.0' }, 5],
  [{ os: 'Windows 7', browser: 'Edge 109', userAgent: 'Mozilla/5.0 (Windows NT 6.1; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/109.0.0.0 Safari/537.36 Edg/109.0.1518.140' }, 4],
  [{ os: 'Windows 7', browser: 'Chrome 109', userAgent: 'Mozilla/5.0 (Windows NT 6.1; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/109.0.0.0 Safari/537.36' }, 2],
  [{ os: 'macOS 14.6', browser: 'Safari 17.6', userAgent: 'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.6 Safari/605.1.15' }, 8],
  [{ os: 'macOS 13.6', browser: 'Safari 16.6', userAgent: 'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/16.6 Safari/605.1.15' }, 3],
  [{ os: 'macOS 14.6', browser: 'Chrome 131', userAgent: 'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36' }, 4],
  [{ os: 'iPadOS 17.5', browser: 'Safari 17.5', userAgent: 'Mozilla/5.0 (iPad; CPU OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1' }, 3],
  [{ os: 'iOS 18.1', browser: 'Safari 18.1', userAgent: 'Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Mobile/15E148 Safari/604.1' }, 3],
  [{ os: 'Android 14', browser: 'Chrome 131', userAgent: 'Mozilla/5.0 (Linux; Android 14; SM-A546U) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.6778.81 Mobile Safari/537.36' }, 2],
  [{ os: 'ChromeOS 130', browser: 'Chrome 130', userAgent: 'Mozilla/5.0 (X11; CrOS x86_64 14541.0.0) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0.0.0 Safari/537.36' }, 2],
];

/** Personal mail providers; a learner writing from one cannot be matched by address alone. */
export const personalMailDomains: readonly string[] = ['gmail.com', 'yahoo.com', 'outlook.com', 'hotmail.com', 'icloud.com', 'aol.com'];

export const LMS_NAME = 'BuildLearn';
export const LMS_DOMAIN = 'buildlearn.com';
