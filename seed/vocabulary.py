"""Word lists the synthetic graph is composed from; data only.

FIELDS follows the OpenAlex taxonomy (domain > field > subfield); each subfield
lists the research concepts its leaf topics, titles and abstracts are built from.
"""

from __future__ import annotations

from typing import NamedTuple


class Field(NamedTuple):
    name: str
    domain: str
    subfields: tuple[tuple[str, str], ...]  # (name, concepts separated by "|")


DOMAINS = ("Physical Sciences", "Life Sciences", "Health Sciences", "Social Sciences")

DOMAIN_DESCRIPTIONS = {
    "Physical Sciences": "Physical sciences, mathematics, engineering and computing.",
    "Life Sciences": "Living systems from molecules to ecosystems.",
    "Health Sciences": "Human health, clinical care and the health professions.",
    "Social Sciences": "Societies, economies, behaviour, culture and the humanities.",
}

FIELDS: tuple[Field, ...] = (
    Field(
        "Computer Science",
        "Physical Sciences",
        (
            (
                "Artificial Intelligence",
                "Large Language Models|Reinforcement Learning|Knowledge Graphs|Causal Inference|"
                "Federated Learning|Explainable AI|Multi-Agent Systems",
            ),
            (
                "Computer Vision and Pattern Recognition",
                "Object Detection|Image Segmentation|3D Reconstruction|Visual Tracking|"
                "Diffusion Models|Face Recognition",
            ),
            (
                "Computer Networks and Communications",
                "Software-Defined Networking|Edge Computing|Wireless Sensor Networks|"
                "Network Security|5G Networks|Congestion Control",
            ),
            (
                "Software",
                "Program Synthesis|Static Analysis|Software Testing|Compiler Optimization|"
                "Formal Verification|Code Review",
            ),
            (
                "Human-Computer Interaction",
                "Accessibility|Conversational Agents|Information Visualization|"
                "Usability Evaluation|Crowdsourcing|Virtual Reality",
            ),
        ),
    ),
    Field(
        "Medicine",
        "Health Sciences",
        (
            (
                "Cardiology and Cardiovascular Medicine",
                "Heart Failure|Atrial Fibrillation|Hypertension|Coronary Artery Disease|"
                "Cardiac Imaging|Cardiac Arrhythmias",
            ),
            (
                "Oncology",
                "Immunotherapy|Radiotherapy|Breast Cancer|Lung Cancer|Colorectal Cancer|"
                "Targeted Therapy",
            ),
            (
                "Infectious Diseases",
                "Tuberculosis|Sepsis|Hospital-Acquired Infections|COVID-19|Antibiotic Stewardship|"
                "Viral Hepatitis",
            ),
            (
                "Endocrinology, Diabetes and Metabolism",
                "Type 2 Diabetes|Obesity|Insulin Resistance|Thyroid Disorders|Metabolic Syndrome|"
                "Bone Metabolism",
            ),
            (
                "Radiology, Nuclear Medicine and Imaging",
                "Magnetic Resonance Imaging|Computed Tomography|Medical Image Analysis|"
                "PET Imaging|Ultrasound|Radiomics",
            ),
        ),
    ),
    Field(
        "Biochemistry, Genetics and Molecular Biology",
        "Life Sciences",
        (
            (
                "Molecular Biology",
                "Gene Regulation|RNA Splicing|Chromatin Remodeling|CRISPR Screening|"
                "Protein Folding|Epigenetics",
            ),
            (
                "Genetics",
                "Genome-Wide Association Studies|Population Genetics|Rare Variants|"
                "Gene Expression|Polygenic Risk|Mendelian Randomization",
            ),
            (
                "Cell Biology",
                "Autophagy|Cell Migration|Mitochondrial Dynamics|Cell Cycle Control|Stem Cells|"
                "Organoids",
            ),
            (
                "Structural Biology",
                "Cryo-Electron Microscopy|Protein Structure Prediction|Membrane Proteins|"
                "Enzyme Mechanisms|Protein-Protein Interactions|Ion Channels",
            ),
            (
                "Cancer Research",
                "Tumor Microenvironment|Oncogenes|Metastasis|Cancer Genomics|Drug Resistance|"
                "Liquid Biopsy",
            ),
        ),
    ),
    Field(
        "Psychology",
        "Social Sciences",
        (
            (
                "Clinical Psychology",
                "Depression|Anxiety Disorders|Post-Traumatic Stress|Psychotherapy Outcomes|"
                "Eating Disorders|Suicide Prevention",
            ),
            (
                "Developmental and Educational Psychology",
                "Early Childhood|Adolescent Development|Executive Function|Reading Acquisition|"
                "Attachment|Learning Motivation",
            ),
            (
                "Social Psychology",
                "Prejudice|Social Identity|Moral Judgment|Persuasion|Intergroup Contact|"
                "Prosocial Behavior",
            ),
            (
                "Experimental and Cognitive Psychology",
                "Perception|Memory Consolidation|Cognitive Control|Reasoning|Visual Attention|"
                "Metacognition",
            ),
            (
                "Applied Psychology",
                "Workplace Wellbeing|Leadership|Personnel Selection|Human Factors|"
                "Job Satisfaction|Work Engagement",
            ),
        ),
    ),
    Field(
        "Physics and Astronomy",
        "Physical Sciences",
        (
            (
                "Condensed Matter Physics",
                "Topological Insulators|Superconductivity|Quantum Magnetism|Graphene|"
                "Strongly Correlated Electrons|Phonon Transport",
            ),
            (
                "Astronomy and Astrophysics",
                "Exoplanets|Galaxy Formation|Gravitational Waves|Dark Matter|Stellar Evolution|"
                "Cosmic Microwave Background",
            ),
            (
                "Atomic and Molecular Physics, and Optics",
                "Quantum Optics|Ultracold Atoms|Nonlinear Optics|Laser Spectroscopy|"
                "Photonic Crystals|Optical Frequency Combs",
            ),
            (
                "Nuclear and High Energy Physics",
                "Neutrino Oscillations|Quark-Gluon Plasma|Higgs Boson|Lattice QCD|"
                "Particle Detectors|Physics Beyond the Standard Model",
            ),
            (
                "Statistical and Nonlinear Physics",
                "Complex Networks|Active Matter|Phase Transitions|Chaotic Dynamics|"
                "Non-Equilibrium Dynamics|Turbulence",
            ),
        ),
    ),
    Field(
        "Immunology and Microbiology",
        "Life Sciences",
        (
            (
                "Immunology",
                "T Cell Activation|Innate Immunity|Vaccine Design|Autoimmunity|"
                "Antibody Engineering|Inflammation",
            ),
            (
                "Microbiology",
                "Antimicrobial Resistance|Biofilms|Bacterial Pathogenesis|Microbial Genomics|"
                "Quorum Sensing|Bacteriophages",
            ),
            (
                "Virology",
                "Viral Evolution|Coronaviruses|HIV Latency|Influenza|Antiviral Drugs|Viral Entry",
            ),
            (
                "Parasitology",
                "Malaria|Helminth Infections|Vector Control|Toxoplasmosis|Leishmaniasis|"
                "Chagas Disease",
            ),
            (
                "Applied Microbiology and Biotechnology",
                "Metabolic Engineering|Synthetic Biology|Gut Microbiome|Bioremediation|"
                "Industrial Enzymes|Biosurfactants",
            ),
        ),
    ),
    Field(
        "Health Professions",
        "Health Sciences",
        (
            (
                "Physical Therapy, Sports Therapy and Rehabilitation",
                "Stroke Rehabilitation|Exercise Therapy|Low Back Pain|Sports Injuries|"
                "Gait Analysis|Motor Learning",
            ),
            (
                "Health Information Management",
                "Electronic Health Records|Clinical Decision Support|Health Data Interoperability|"
                "Digital Health|Health Informatics|Patient Portals",
            ),
            (
                "Epidemiology",
                "Cohort Studies|Disease Surveillance|Social Determinants of Health|"
                "Vaccination Coverage|Health Disparities|Mortality Trends",
            ),
            (
                "Speech and Hearing",
                "Hearing Loss|Cochlear Implants|Stuttering|Dysphagia|Language Disorders|"
                "Voice Disorders",
            ),
            (
                "Occupational Therapy",
                "Activities of Daily Living|Assistive Technology|Return to Work|"
                "Sensory Integration|Hand Therapy|Cognitive Rehabilitation",
            ),
        ),
    ),
    Field(
        "Economics, Econometrics and Finance",
        "Social Sciences",
        (
            (
                "Economics and Econometrics",
                "Causal Identification|Labor Markets|Monetary Policy|Income Inequality|"
                "Trade Policy|Panel Data",
            ),
            (
                "Finance",
                "Asset Pricing|Corporate Governance|Financial Crises|Cryptocurrency Markets|"
                "Risk Management|Market Microstructure",
            ),
            (
                "Development Economics",
                "Microfinance|Poverty Alleviation|Cash Transfers|Agricultural Markets|"
                "Migration and Remittances|Informal Economy",
            ),
            (
                "Environmental Economics",
                "Carbon Pricing|Green Finance|Natural Resource Management|"
                "Environmental Regulation|Ecosystem Valuation|Energy Economics",
            ),
            (
                "Behavioral Economics",
                "Nudges|Time Preferences|Loss Aversion|Social Preferences|Choice Architecture|"
                "Financial Literacy",
            ),
        ),
    ),
    Field(
        "Chemistry",
        "Physical Sciences",
        (
            (
                "Organic Chemistry",
                "Asymmetric Catalysis|Total Synthesis|C-H Activation|Photoredox Catalysis|"
                "Click Chemistry|Natural Products",
            ),
            (
                "Physical and Theoretical Chemistry",
                "Density Functional Theory|Molecular Dynamics|Reaction Kinetics|Excited States|"
                "Solvation|Surface Chemistry",
            ),
            (
                "Inorganic Chemistry",
                "Metal-Organic Frameworks|Coordination Complexes|Organometallics|"
                "Lanthanide Chemistry|Cluster Compounds|Bioinorganic Chemistry",
            ),
            (
                "Analytical Chemistry",
                "Mass Spectrometry|Electrochemical Sensors|Chromatography|Raman Spectroscopy|"
                "Microfluidics|Biosensors",
            ),
            (
                "Electrochemistry",
                "Lithium-Ion Batteries|Fuel Cells|Electrocatalysis|Corrosion|Solid Electrolytes|"
                "Supercapacitors",
            ),
        ),
    ),
    Field(
        "Neuroscience",
        "Life Sciences",
        (
            (
                "Cognitive Neuroscience",
                "Working Memory|Attention|Decision Making|Language Processing|Neural Oscillations|"
                "Consciousness",
            ),
            (
                "Cellular and Molecular Neuroscience",
                "Synaptic Plasticity|Neurotransmitters|Glial Cells|Axon Regeneration|"
                "Neurodevelopment|Neuronal Excitability",
            ),
            (
                "Behavioral Neuroscience",
                "Fear Conditioning|Reward Learning|Sleep|Circadian Rhythms|Social Behavior|"
                "Stress Response",
            ),
            (
                "Sensory Systems",
                "Visual Cortex|Auditory Processing|Olfaction|Pain Perception|Somatosensation|"
                "Multisensory Integration",
            ),
            (
                "Computational Neuroscience",
                "Neural Coding|Brain Networks|Spiking Neural Networks|Connectomics|"
                "Neural Decoding|Predictive Coding",
            ),
        ),
    ),
    Field(
        "Nursing",
        "Health Sciences",
        (
            (
                "Critical Care Nursing",
                "Patient Safety|Pressure Injuries|Delirium|Nurse Staffing|Early Warning Scores|"
                "Mechanical Ventilation",
            ),
            (
                "Community and Home Care",
                "Home-Based Care|Chronic Disease Management|Palliative Care|Caregiver Burden|"
                "Telehealth|Medication Adherence",
            ),
            (
                "Nursing Education",
                "Simulation Training|Clinical Competence|Nurse Burnout|"
                "Interprofessional Education|Evidence-Based Practice|Nurse Retention",
            ),
            (
                "Maternal and Child Health",
                "Breastfeeding|Preterm Birth|Postpartum Depression|Neonatal Care|Prenatal Care|"
                "Child Development",
            ),
            (
                "Gerontological Nursing",
                "Falls Prevention|Dementia Care|Frailty|Long-Term Care|Elder Abuse|Healthy Ageing",
            ),
        ),
    ),
    Field(
        "Social Sciences",
        "Social Sciences",
        (
            (
                "Sociology and Political Science",
                "Political Polarization|Social Movements|Electoral Behavior|Social Mobility|"
                "Democratic Institutions|Public Opinion",
            ),
            (
                "Education",
                "Online Learning|Teacher Education|Higher Education Policy|Educational Assessment|"
                "STEM Education|Inclusive Education",
            ),
            (
                "Communication",
                "Misinformation|Social Media|News Consumption|Science Communication|"
                "Health Communication|Political Communication",
            ),
            (
                "Urban Studies",
                "Gentrification|Urban Mobility|Housing Affordability|Smart Cities|Urban Heat|"
                "Informal Settlements",
            ),
            (
                "Law",
                "Data Protection|Human Rights Law|Competition Law|Intellectual Property|"
                "Criminal Justice|International Law",
            ),
        ),
    ),
    Field(
        "Engineering",
        "Physical Sciences",
        (
            (
                "Mechanical Engineering",
                "Additive Manufacturing|Fatigue|Heat Transfer|Tribology|Vibration Control|"
                "Computational Fluid Dynamics",
            ),
            (
                "Electrical and Electronic Engineering",
                "Power Electronics|Smart Grids|Antenna Design|Signal Processing|"
                "Integrated Circuits|Motor Drives",
            ),
            (
                "Civil and Structural Engineering",
                "Seismic Design|Concrete Durability|Structural Health Monitoring|"
                "Geotechnical Engineering|Bridge Engineering|Timber Structures",
            ),
            (
                "Control and Systems Engineering",
                "Model Predictive Control|Robust Control|System Identification|Networked Control|"
                "Fault Diagnosis|Nonlinear Control",
            ),
            (
                "Aerospace Engineering",
                "Aeroelasticity|Hypersonic Flows|Satellite Navigation|Flight Control|Combustion|"
                "Spacecraft Design",
            ),
        ),
    ),
    Field(
        "Agricultural and Biological Sciences",
        "Life Sciences",
        (
            (
                "Plant Science",
                "Photosynthesis|Plant Immunity|Root Development|Drought Tolerance|Crop Genomics|"
                "Plant Hormones",
            ),
            (
                "Animal Science and Zoology",
                "Animal Behavior|Livestock Nutrition|Animal Welfare|Migration Ecology|"
                "Reproductive Biology|Wildlife Disease",
            ),
            (
                "Agronomy and Crop Science",
                "Crop Yield|Precision Agriculture|Soil Fertility|Intercropping|Irrigation|"
                "Pest Management",
            ),
            (
                "Aquatic Science",
                "Fisheries|Coral Reefs|Aquaculture|Freshwater Ecology|Plankton Dynamics|"
                "Marine Biodiversity",
            ),
            (
                "Food Science",
                "Food Safety|Fermentation|Probiotics|Functional Foods|Food Packaging|"
                "Sensory Analysis",
            ),
        ),
    ),
    Field(
        "Dentistry",
        "Health Sciences",
        (
            (
                "Oral Surgery",
                "Dental Implants|Bone Grafting|Third Molar Surgery|Orthognathic Surgery|"
                "Peri-Implantitis|Oral Cancer",
            ),
            (
                "Orthodontics",
                "Clear Aligners|Malocclusion|Craniofacial Growth|Tooth Movement|"
                "Orthodontic Retention|Cleft Lip and Palate",
            ),
            (
                "Periodontics",
                "Periodontitis|Gingival Inflammation|Oral Microbiome|Periodontal Regeneration|"
                "Dental Plaque|Halitosis",
            ),
            (
                "Restorative Dentistry",
                "Dental Caries|Composite Resins|Endodontics|Dental Erosion|CAD/CAM Restorations|"
                "Fluoride Varnish",
            ),
            (
                "Dental Public Health",
                "Oral Health Inequalities|School Dental Programs|Water Fluoridation|"
                "Dental Anxiety|Oral Health Literacy|Teledentistry",
            ),
        ),
    ),
    Field(
        "Business, Management and Accounting",
        "Social Sciences",
        (
            (
                "Strategy and Management",
                "Innovation Management|Digital Transformation|Organizational Learning|"
                "Business Models|Entrepreneurship|Corporate Sustainability",
            ),
            (
                "Marketing",
                "Consumer Behavior|Brand Management|Online Reviews|Pricing Strategy|"
                "Influencer Marketing|Customer Loyalty",
            ),
            (
                "Accounting",
                "Earnings Management|Auditing|Sustainability Reporting|Tax Avoidance|"
                "Financial Disclosure|Management Accounting",
            ),
            (
                "Management Information Systems",
                "Enterprise Systems|Information Security Management|Platform Ecosystems|"
                "IT Adoption|Business Analytics|Digital Platforms",
            ),
            (
                "Operations and Supply Chain Management",
                "Supply Chain Resilience|Inventory Management|Logistics|Lean Manufacturing|"
                "Sustainable Supply Chains|Production Scheduling",
            ),
        ),
    ),
    Field(
        "Mathematics",
        "Physical Sciences",
        (
            (
                "Applied Mathematics",
                "Numerical Methods|Partial Differential Equations|Inverse Problems|"
                "Optimization Algorithms|Uncertainty Quantification|Finite Element Methods",
            ),
            (
                "Statistics and Probability",
                "Bayesian Inference|High-Dimensional Statistics|Time Series Analysis|"
                "Stochastic Processes|Nonparametric Methods|Survival Analysis",
            ),
            (
                "Discrete Mathematics and Combinatorics",
                "Graph Theory|Extremal Combinatorics|Random Graphs|Coding Theory|"
                "Combinatorial Designs|Matroid Theory",
            ),
            (
                "Geometry and Topology",
                "Algebraic Topology|Riemannian Geometry|Knot Theory|Symplectic Geometry|"
                "Topological Data Analysis|Geometric Group Theory",
            ),
            (
                "Algebra and Number Theory",
                "Elliptic Curves|Representation Theory|Modular Forms|Commutative Algebra|"
                "Analytic Number Theory|Lie Algebras",
            ),
        ),
    ),
    Field(
        "Pharmacology, Toxicology and Pharmaceutics",
        "Life Sciences",
        (
            (
                "Pharmacology",
                "Drug-Target Interactions|Pharmacokinetics|Receptor Signaling|Drug Repurposing|"
                "Adverse Drug Reactions|Pharmacogenomics",
            ),
            (
                "Toxicology",
                "Endocrine Disruptors|Nanotoxicology|Hepatotoxicity|Neurotoxicity|"
                "Toxicity Testing|Dose-Response Modeling",
            ),
            (
                "Drug Discovery",
                "Virtual Screening|Fragment-Based Design|Medicinal Chemistry|Lead Optimization|"
                "Natural Product Discovery|Targeted Protein Degradation",
            ),
            (
                "Pharmaceutical Science",
                "Nanoparticle Formulation|Controlled Release|Drug Solubility|Transdermal Delivery|"
                "Biopharmaceuticals|Inhalation Therapy",
            ),
            (
                "Clinical Pharmacology",
                "Dose Optimization|Drug Interactions|Therapeutic Drug Monitoring|Pediatric Dosing|"
                "Polypharmacy|Pharmacovigilance",
            ),
        ),
    ),
    Field(
        "Environmental Science",
        "Physical Sciences",
        (
            (
                "Ecology",
                "Biodiversity|Species Distribution Models|Invasive Species|Ecosystem Services|"
                "Food Webs|Restoration Ecology",
            ),
            (
                "Pollution",
                "Microplastics|Heavy Metals|Wastewater Treatment|Emerging Contaminants|"
                "Soil Contamination|Air Pollution Exposure",
            ),
            (
                "Global and Planetary Change",
                "Climate Change Adaptation|Carbon Cycle|Land Use Change|Drought|Permafrost|"
                "Climate Projections",
            ),
            (
                "Water Science and Technology",
                "Groundwater|Flood Forecasting|Water Quality|Hydrological Modeling|Desalination|"
                "Watershed Management",
            ),
            (
                "Nature and Landscape Conservation",
                "Protected Areas|Wildlife Corridors|Habitat Fragmentation|Forest Conservation|"
                "Rewilding|Conservation Planning",
            ),
        ),
    ),
    Field(
        "Arts and Humanities",
        "Social Sciences",
        (
            (
                "History",
                "Colonial History|Economic History|Oral History|History of Science|"
                "Medieval Europe|Memory Studies",
            ),
            (
                "Philosophy",
                "Philosophy of Mind|Ethics of Artificial Intelligence|Epistemology|"
                "Political Philosophy|Philosophy of Science|Bioethics",
            ),
            (
                "Linguistics and Language",
                "Language Acquisition|Sociolinguistics|Phonology|Corpus Linguistics|Bilingualism|"
                "Syntax",
            ),
            (
                "Literature and Literary Theory",
                "Postcolonial Literature|Narrative Theory|Digital Humanities|Translation Studies|"
                "Modern Poetry|Ecocriticism",
            ),
            (
                "Music",
                "Music Cognition|Ethnomusicology|Music Information Retrieval|Music Education|"
                "Composition|Performance Studies",
            ),
        ),
    ),
    Field(
        "Materials Science",
        "Physical Sciences",
        (
            (
                "Biomaterials",
                "Hydrogels|Tissue Scaffolds|Drug Delivery Systems|Bioactive Glasses|"
                "Antimicrobial Coatings|Biodegradable Polymers",
            ),
            (
                "Electronic, Optical and Magnetic Materials",
                "Perovskite Solar Cells|Two-Dimensional Materials|Spintronics|Thin Films|"
                "Quantum Dots|Thermoelectrics",
            ),
            (
                "Polymers and Plastics",
                "Polymer Composites|Self-Healing Polymers|Block Copolymers|Polymer Recycling|"
                "Conductive Polymers|Elastomers",
            ),
            (
                "Metals and Alloys",
                "High-Entropy Alloys|Titanium Alloys|Grain Boundaries|Corrosion Resistance|"
                "Metallic Glasses|Steel Microstructure",
            ),
            (
                "Ceramics and Composites",
                "Fiber-Reinforced Composites|Ceramic Coatings|Nanocomposites|Fracture Toughness|"
                "Sintering|Piezoelectric Ceramics",
            ),
        ),
    ),
    Field(
        "Earth and Planetary Sciences",
        "Physical Sciences",
        (
            (
                "Geophysics",
                "Seismic Tomography|Earthquake Source Physics|Mantle Convection|Geomagnetism|"
                "Induced Seismicity|Ground Motion",
            ),
            (
                "Atmospheric Science",
                "Aerosols|Cloud Microphysics|Tropical Cyclones|Atmospheric Chemistry|Air Quality|"
                "Boundary Layer Dynamics",
            ),
            (
                "Oceanography",
                "Ocean Circulation|Sea Level Rise|Marine Heatwaves|Ocean Acidification|Sea Ice|"
                "Coastal Upwelling",
            ),
            (
                "Geology",
                "Sedimentology|Plate Tectonics|Volcanology|Paleoclimate|Petrology|Stratigraphy",
            ),
            (
                "Space and Planetary Science",
                "Mars Exploration|Planetary Atmospheres|Asteroids|Lunar Geology|Space Weather|"
                "Icy Moons",
            ),
        ),
    ),
    Field(
        "Energy",
        "Physical Sciences",
        (
            (
                "Renewable Energy, Sustainability and the Environment",
                "Wind Energy|Photovoltaics|Energy Storage|Life Cycle Assessment|Bioenergy|"
                "Green Hydrogen",
            ),
            (
                "Energy Engineering and Power Technology",
                "Power System Stability|Heat Pumps|Microgrids|Thermal Energy Storage|Gas Turbines|"
                "Demand Response",
            ),
            (
                "Nuclear Energy and Engineering",
                "Nuclear Fuel|Reactor Safety|Fusion Plasma|Radioactive Waste|"
                "Small Modular Reactors|Neutron Transport",
            ),
            (
                "Fuel Technology",
                "Biofuels|Catalytic Cracking|Coal Gasification|Hydrogen Storage|Methane Reforming|"
                "Synthetic Fuels",
            ),
            (
                "Energy Systems Analysis",
                "Energy Transition|Energy Efficiency|Carbon Capture|Electricity Markets|"
                "Decarbonization Pathways|Building Energy",
            ),
        ),
    ),
)


class DomainWords(NamedTuple):
    modifiers: tuple[str, ...]  # prefixes for leaf topic names
    settings: tuple[str, ...]  # where or on whom research happens
    studies: tuple[str, ...]  # the kind of paper, for "A: B" titles
    methods: tuple[str, ...]
    units: tuple[str, ...]  # what an abstract counts
    preprint_server: str


DOMAIN_WORDS = {
    "Physical Sciences": DomainWords(
        (
            "Computational",
            "Experimental",
            "Scalable",
            "Data-Driven",
            "Theoretical",
            "Multiscale",
            "Probabilistic",
            "Sustainable",
        ),
        (
            "Extreme Environments",
            "Industrial Systems",
            "Low-Power Devices",
            "Large-Scale Simulations",
            "Harsh Conditions",
            "Real-World Deployments",
        ),
        (
            "Theory and Experiments",
            "A Benchmark",
            "A Computational Study",
            "A Survey",
            "New Bounds",
            "An Experimental Study",
        ),
        (
            "Machine Learning",
            "Monte Carlo",
            "Finite-Element",
            "Spectroscopic",
            "Bayesian",
            "Graph-Based",
        ),
        ("simulations", "samples", "benchmarks", "datasets", "devices", "configurations"),
        "arXiv",
    ),
    "Life Sciences": DomainWords(
        (
            "Comparative",
            "Molecular",
            "Single-Cell",
            "Quantitative",
            "Evolutionary",
            "Functional",
            "Integrative",
            "Spatial",
        ),
        (
            "Model Organisms",
            "Natural Populations",
            "Crop Species",
            "Mouse Models",
            "Human Cohorts",
            "Field Conditions",
        ),
        (
            "A Multi-Omics Study",
            "A Systematic Review",
            "Mechanistic Insights",
            "A Genome-Wide Screen",
            "A Field Experiment",
            "New Evidence",
        ),
        (
            "Multi-Omics",
            "Single-Cell Sequencing",
            "Imaging",
            "Phylogenetic",
            "Metagenomic",
            "Proteomic",
        ),
        ("samples", "strains", "species", "cell lines", "genomes", "sites"),
        "bioRxiv",
    ),
    "Health Sciences": DomainWords(
        (
            "Clinical",
            "Preventive",
            "Personalized",
            "Community-Based",
            "Evidence-Based",
            "Pediatric",
            "Digital",
            "Integrated",
        ),
        (
            "Older Adults",
            "Primary Care",
            "Low-Income Countries",
            "Pediatric Populations",
            "Intensive Care Units",
            "Rural Hospitals",
        ),
        (
            "A Randomized Controlled Trial",
            "A Cohort Study",
            "A Systematic Review and Meta-Analysis",
            "A Multicenter Study",
            "A Cross-Sectional Study",
            "A Case Series",
        ),
        (
            "Registry-Based",
            "Machine Learning",
            "Mixed-Methods",
            "Longitudinal",
            "Propensity-Matched",
            "Qualitative",
        ),
        ("patients", "participants", "hospitals", "clinical records", "trials", "cohorts"),
        "medRxiv",
    ),
    "Social Sciences": DomainWords(
        (
            "Comparative",
            "Critical",
            "Behavioral",
            "Institutional",
            "Computational",
            "Historical",
            "Global",
            "Participatory",
        ),
        (
            "Emerging Economies",
            "the European Union",
            "Digital Platforms",
            "Rural Communities",
            "Post-Conflict Societies",
            "Large Cities",
        ),
        (
            "Evidence from Panel Data",
            "A Natural Experiment",
            "A Qualitative Study",
            "A Cross-National Comparison",
            "A Field Experiment",
            "Theory and Evidence",
        ),
        (
            "Survey-Based",
            "Econometric",
            "Ethnographic",
            "Text-as-Data",
            "Experimental",
            "Network-Based",
        ),
        ("countries", "firms", "households", "respondents", "interviews", "regions"),
        "SSRN",
    ),
}

TITLE_ADJECTIVES = (
    "Scalable", "Robust", "Efficient", "Interpretable", "Adaptive", "Unified", "Data-Driven",
    "Multiscale", "Probabilistic", "Integrated", "Rapid", "Low-Cost", "Large-Scale", "Longitudinal",
)  # fmt: skip

PROPERTIES = (
    "Stability", "Limits", "Dynamics", "Structure", "Robustness", "Complexity", "Origins",
    "Efficiency", "Heterogeneity", "Universality",
)  # fmt: skip

FINDINGS = (
    "a consistent improvement over prior approaches",
    "substantial heterogeneity across settings",
    "a robust association that persists after adjustment",
    "no significant difference between the main groups",
    "a previously unreported effect",
    "a clear trade-off between accuracy and cost",
)

ROLES = (
    "PhD student", "Postdoctoral researcher", "Associate professor", "Professor",
    "Research scientist", "Lecturer", "Senior scientist", "Clinician scientist",
)  # fmt: skip

VENUE_PATTERNS = (
    "Journal of {subfield}",
    "{field} Letters",
    "Annual Review of {subfield}",
    "International Journal of {subfield}",
    "Proceedings of the International Conference on {subfield}",
    "Frontiers in {subfield}",
    "Advances in {field}",
)

GENERAL_JOURNALS = (
    "Nature Communications", "Scientific Reports", "PLOS ONE", "Science Advances",
    "Proceedings of the National Academy of Sciences", "Nature", "Science", "eLife",
)  # fmt: skip

CHAPTER_VENUES = (
    "Lecture Notes in {field}",
    "Handbook of {subfield}",
    "Springer Series in {field}",
)

DATA_REPOSITORIES = ("Zenodo", "Dryad", "Figshare", "Mendeley Data")

FIRST_NAMES = (
    "Aarav", "Abebe", "Adaeze", "Adrian", "Agnieszka", "Ahmed", "Aiko", "Aisha", "Alejandro",
    "Aleksandra", "Alice", "Amara", "Amir", "Ana", "Anders", "Andrea", "Andrei", "Anika", "Anna",
    "Antoine", "Arjun", "Astrid", "Ayesha", "Beatriz", "Benjamin", "Bilal", "Bo", "Camila",
    "Carlos", "Catherine", "Chen", "Chiara", "Chinedu", "Chloe", "Daniel", "Daniela", "David",
    "Deepika", "Diego", "Dmitri", "Elena", "Elif", "Elijah", "Emeka", "Emily", "Emma", "Erik",
    "Esther", "Fatima", "Felipe", "Fernando", "Fiona", "Francesca", "Gabriel", "Giulia", "Grace",
    "Hana", "Hannah", "Hao", "Haruto", "Hassan", "Helena", "Hiroshi", "Hyun-woo", "Ibrahim",
    "Ines", "Ingrid", "Isabel", "Ivan", "Jakob", "James", "Javier", "Jia", "Jin", "Joana",
    "Johan", "John", "Jose", "Julia", "Julien", "Kai", "Kamala", "Karim", "Katarzyna", "Kenji",
    "Kofi", "Lars", "Laura", "Layla", "Lei", "Leila", "Li", "Lina", "Lucas", "Lucia", "Luis",
    "Maria", "Mariam", "Marco", "Martina", "Mateo", "Matteo", "Mei", "Mehmet", "Michael",
    "Miguel", "Mina", "Ming", "Mohammed", "Nadia", "Naoki", "Nikhil", "Nina", "Noah", "Nora",
    "Olga", "Oliver", "Omar", "Pablo", "Paolo", "Pedro", "Pooja", "Priya", "Rafael", "Rahul",
    "Ravi", "Rebecca", "Ricardo", "Rosa", "Rui", "Sakura", "Samuel", "Sara", "Sebastian",
    "Seo-yeon", "Sergei", "Shreya", "Sofia", "Sophie", "Soren", "Stefan", "Sunita", "Takeshi",
    "Tariq", "Thomas", "Tomas", "Valentina", "Victor", "Wei", "Xin", "Yan", "Yara", "Yasmin",
    "Yuki", "Yusuf", "Zainab", "Zeynep", "Zhang", "Zoe",
)  # fmt: skip

LAST_NAMES = (
    "Abdullah", "Adeyemi", "Agarwal", "Ahmed", "Alvarez", "Andersen", "Araujo", "Bakker",
    "Banerjee", "Becker", "Bianchi", "Bose", "Brown", "Castillo", "Chatterjee", "Chen", "Cohen",
    "Costa", "Dang", "Das", "Dubois", "Eriksson", "Fernandes", "Fischer", "Fontaine", "Garcia",
    "Ghosh", "Gomez", "Gonzalez", "Gupta", "Haddad", "Hansen", "Hashemi", "Hernandez",
    "Hoffmann", "Horvath", "Huang", "Hussain", "Ibrahim", "Ivanova", "Jansen", "Jensen",
    "Johansson", "Kamau", "Kang", "Kaplan", "Kato", "Khan", "Kim", "Kowalski", "Kumar",
    "Kuznetsov", "Larsen", "Laurent", "Lee", "Lehmann", "Li", "Lim", "Lindqvist", "Liu",
    "Lopez", "Ma", "Mahmoud", "Martin", "Martinez", "Mehta", "Meyer", "Moreau", "Morris",
    "Mukherjee", "Muller", "Murphy", "Nakamura", "Navarro", "Nguyen", "Nielsen", "Novak",
    "Nowak", "Okafor", "Okonkwo", "Olsen", "Ortiz", "Osei", "Ozturk", "Park", "Patel", "Pereira",
    "Petrov", "Popescu", "Rahman", "Ramos", "Rao", "Reddy", "Ricci", "Rivera", "Romano",
    "Rossi", "Russo", "Saito", "Santos", "Sato", "Schmidt", "Schneider", "Sharma", "Silva",
    "Singh", "Smith", "Sokolov", "Suzuki", "Svensson", "Takahashi", "Tanaka", "Taylor",
    "Thompson", "Tran", "Van Dijk", "Vargas", "Verma", "Wagner", "Walker", "Wang", "Watanabe",
    "Weber", "Wilson", "Wojcik", "Wu", "Xu", "Yamamoto", "Yang", "Yilmaz", "Yoon", "Zhang",
    "Zhao", "Zhou", "Zimmermann",
)  # fmt: skip

COUNTRIES = {
    "US": "United States", "GB": "United Kingdom", "DE": "Germany", "FR": "France",
    "CN": "China", "JP": "Japan", "IN": "India", "BR": "Brazil", "CA": "Canada",
    "AU": "Australia", "IT": "Italy", "ES": "Spain", "NL": "the Netherlands", "SE": "Sweden",
    "CH": "Switzerland", "KR": "South Korea", "SG": "Singapore", "ZA": "South Africa",
    "NG": "Nigeria", "KE": "Kenya", "EG": "Egypt", "MX": "Mexico", "AR": "Argentina",
    "CL": "Chile", "CO": "Colombia", "PL": "Poland", "TR": "Turkey", "IR": "Iran",
    "IL": "Israel", "DK": "Denmark", "NO": "Norway", "FI": "Finland", "BE": "Belgium",
    "AT": "Austria", "PT": "Portugal", "IE": "Ireland", "NZ": "New Zealand", "GH": "Ghana",
    "VN": "Vietnam", "TH": "Thailand", "MY": "Malaysia", "ID": "Indonesia", "PK": "Pakistan",
    "BD": "Bangladesh", "CZ": "Czechia", "GR": "Greece", "HU": "Hungary",
}  # fmt: skip

CITIES = (
    ("Boston", "US"), ("Chicago", "US"), ("Seattle", "US"), ("Austin", "US"), ("Denver", "US"),
    ("Atlanta", "US"), ("Pittsburgh", "US"), ("San Diego", "US"), ("Baltimore", "US"),
    ("Houston", "US"), ("Ann Arbor", "US"), ("Madison", "US"), ("Minneapolis", "US"),
    ("Manchester", "GB"), ("Edinburgh", "GB"), ("Bristol", "GB"), ("Leeds", "GB"),
    ("Glasgow", "GB"), ("Munich", "DE"), ("Heidelberg", "DE"), ("Hamburg", "DE"),
    ("Freiburg", "DE"), ("Dresden", "DE"), ("Lyon", "FR"), ("Grenoble", "FR"),
    ("Toulouse", "FR"), ("Bordeaux", "FR"), ("Shanghai", "CN"), ("Wuhan", "CN"),
    ("Nanjing", "CN"), ("Chengdu", "CN"), ("Hangzhou", "CN"), ("Xiamen", "CN"),
    ("Kyoto", "JP"), ("Osaka", "JP"), ("Sendai", "JP"), ("Nagoya", "JP"), ("Bangalore", "IN"),
    ("Chennai", "IN"), ("Pune", "IN"), ("Hyderabad", "IN"), ("Kolkata", "IN"),
    ("Sao Paulo", "BR"), ("Campinas", "BR"), ("Porto Alegre", "BR"), ("Toronto", "CA"),
    ("Montreal", "CA"), ("Vancouver", "CA"), ("Calgary", "CA"), ("Melbourne", "AU"),
    ("Sydney", "AU"), ("Brisbane", "AU"), ("Adelaide", "AU"), ("Milan", "IT"),
    ("Bologna", "IT"), ("Padua", "IT"), ("Turin", "IT"), ("Barcelona", "ES"),
    ("Valencia", "ES"), ("Granada", "ES"), ("Utrecht", "NL"), ("Leiden", "NL"),
    ("Delft", "NL"), ("Groningen", "NL"), ("Uppsala", "SE"), ("Lund", "SE"),
    ("Gothenburg", "SE"), ("Zurich", "CH"), ("Basel", "CH"), ("Lausanne", "CH"),
    ("Seoul", "KR"), ("Daejeon", "KR"), ("Busan", "KR"), ("Singapore", "SG"),
    ("Cape Town", "ZA"), ("Johannesburg", "ZA"), ("Lagos", "NG"), ("Ibadan", "NG"),
    ("Nairobi", "KE"), ("Cairo", "EG"), ("Alexandria", "EG"), ("Monterrey", "MX"),
    ("Guadalajara", "MX"), ("Cordoba", "AR"), ("Rosario", "AR"), ("Valparaiso", "CL"),
    ("Medellin", "CO"), ("Krakow", "PL"), ("Wroclaw", "PL"), ("Ankara", "TR"),
    ("Izmir", "TR"), ("Tehran", "IR"), ("Isfahan", "IR"), ("Haifa", "IL"),
    ("Aarhus", "DK"), ("Copenhagen", "DK"), ("Bergen", "NO"), ("Trondheim", "NO"),
    ("Helsinki", "FI"), ("Tampere", "FI"), ("Ghent", "BE"), ("Leuven", "BE"),
    ("Vienna", "AT"), ("Graz", "AT"), ("Porto", "PT"), ("Coimbra", "PT"), ("Dublin", "IE"),
    ("Galway", "IE"), ("Auckland", "NZ"), ("Dunedin", "NZ"), ("Accra", "GH"), ("Hanoi", "VN"),
    ("Bangkok", "TH"), ("Kuala Lumpur", "MY"), ("Bandung", "ID"), ("Lahore", "PK"),
    ("Dhaka", "BD"), ("Brno", "CZ"), ("Thessaloniki", "GR"), ("Szeged", "HU"),
)  # fmt: skip

# ROR organisation types with roughly their share of the institutions authors list.
INSTITUTION_TYPES = (
    ("education", 60), ("healthcare", 12), ("company", 10), ("facility", 8),
    ("government", 4), ("nonprofit", 4), ("archive", 1), ("other", 1),
)  # fmt: skip

INSTITUTION_PATTERNS = {
    "education": (
        "University of {city}", "{city} University", "{city} Institute of Technology",
        "{city} State University", "Technical University of {city}", "{last} University",
        "{last} College", "{city} University of Science and Technology",
    ),
    "healthcare": (
        "{city} University Hospital", "{last} Medical Center", "{city} General Hospital",
        "{city} Children's Hospital", "{last} Cancer Centre",
    ),
    "company": (
        "{last} Biotech", "{last} Analytics", "{last} Pharmaceuticals", "{last} Energy",
        "{last} Robotics", "{last} Instruments", "{last} Semiconductors", "{last} Labs",
    ),
    "facility": (
        "{city} National Laboratory", "{last} Institute for {field}", "{city} Observatory",
        "{city} Research Centre", "{city} Centre for {field}",
    ),
    "government": (
        "National Agency for {field} of {country}", "Geological Survey of {country}",
        "Ministry of Health of {country}", "{country} Statistics Office",
    ),
    "nonprofit": ("{last} Foundation", "{last} Trust", "{city} Society for {field}"),
    "archive": ("{city} City Archives", "National Archives of {country}"),
    "other": ("{last} Consortium", "{city} Science Park"),
}  # fmt: skip
