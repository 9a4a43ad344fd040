//! O*NET's worker requirements that careers are rated on: 35 skills and 33
//! knowledge areas, each with its O*NET description and the everyday words
//! people use for it ("math" for Mathematics, "fixing machines" for
//! Repairing). Search uses the words to tell when a query names an item;
//! skill pages show them.
//!
//! Descriptions are O*NET 29.2's (`Content Model Reference.txt`, CC BY 4.0);
//! the everyday words are ours. A long file because it is a table.

use std::fmt;

/// Where the items' names and descriptions come from, for pages that show
/// them (O*NET's licence, CC BY 4.0, asks for the credit).
pub const WORKER_ITEMS_SOURCE: &str = "O*NET 29.2 Content Model Reference, by the U.S. Department of Labor, \
     Employment and Training Administration (USDOL/ETA), used under the CC BY 4.0 license";

/// Whether an item is a skill or a knowledge area.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum ItemKind {
    /// One of O*NET's 35 basic and cross-functional skills.
    Skill,
    /// One of O*NET's 33 knowledge areas.
    Knowledge,
}

impl fmt::Display for ItemKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            ItemKind::Skill => "skill",
            ItemKind::Knowledge => "knowledge area",
        })
    }
}

/// One rated skill or knowledge area.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct WorkerItem {
    /// Skill or knowledge area.
    pub kind: ItemKind,
    /// O*NET's name, as career files key their ratings.
    pub name: &'static str,
    /// Its page's slug, unique among items ("mathematics" is the skill,
    /// "mathematics-knowledge" the knowledge area).
    pub slug: &'static str,
    /// O*NET's description.
    pub description: &'static str,
    /// Everyday words and phrases for it, lower case, besides its name.
    pub lay_words: &'static [&'static str],
}

impl WorkerItem {
    /// The name and every everyday phrase, the name first.
    pub fn phrases(&self) -> impl Iterator<Item = &'static str> {
        std::iter::once(self.name).chain(self.lay_words.iter().copied())
    }
}

/// The item of `kind` called `name`, as O*NET spells it.
pub fn worker_item(kind: ItemKind, name: &str) -> Option<&'static WorkerItem> {
    WORKER_ITEMS.iter().find(|item| item.kind == kind && item.name == name)
}

macro_rules! items {
    ($($kind:ident $name:literal $slug:literal [$($lay:literal),* $(,)?] $description:literal;)*) => {
        &[$(WorkerItem {
            kind: ItemKind::$kind,
            name: $name,
            slug: $slug,
            description: $description,
            lay_words: &[$($lay),*],
        }),*]
    };
}

/// Every item, in O*NET's content-model order: skills, then knowledge.
pub const WORKER_ITEMS: &[WorkerItem] = items![
    Skill "Reading Comprehension" "reading-comprehension" ["reading", "reading documents", "understanding documents"]
        "Understanding written sentences and paragraphs in work-related documents.";
    Skill "Active Listening" "active-listening" ["listening", "listening to people"]
        "Giving full attention to what other people are saying, taking time to understand the points being made, asking questions as appropriate, and not interrupting at inappropriate times.";
    Skill "Writing" "writing" ["written communication", "writing reports"]
        "Communicating effectively in writing as appropriate for the needs of the audience.";
    Skill "Speaking" "speaking" ["talking", "public speaking", "presenting", "presentations"]
        "Talking to others to convey information effectively.";
    Skill "Mathematics" "mathematics" ["math", "maths", "arithmetic", "calculating", "numbers"]
        "Using mathematics to solve problems.";
    Skill "Science" "science" ["scientific method", "experiments", "doing experiments"]
        "Using scientific rules and methods to solve problems.";
    Skill "Critical Thinking" "critical-thinking" ["logic", "reasoning", "thinking critically"]
        "Using logic and reasoning to identify the strengths and weaknesses of alternative solutions, conclusions, or approaches to problems.";
    Skill "Active Learning" "active-learning" ["learning new things", "quick learner"]
        "Understanding the implications of new information for both current and future problem-solving and decision-making.";
    Skill "Learning Strategies" "learning-strategies" ["teaching methods", "training methods"]
        "Selecting and using training/instructional methods and procedures appropriate for the situation when learning or teaching new things.";
    Skill "Monitoring" "monitoring" ["assessing performance", "monitoring performance"]
        "Monitoring/Assessing performance of yourself, other individuals, or organizations to make improvements or take corrective action.";
    Skill "Social Perceptiveness" "social-perceptiveness" ["empathy", "reading people", "people skills"]
        "Being aware of others' reactions and understanding why they react as they do.";
    Skill "Coordination" "coordination" ["teamwork", "coordinating", "working with others"]
        "Adjusting actions in relation to others' actions.";
    Skill "Persuasion" "persuasion" ["persuading", "convincing people", "influencing"]
        "Persuading others to change their minds or behavior.";
    Skill "Negotiation" "negotiation" ["negotiating", "bargaining", "mediation", "resolving disputes"]
        "Bringing others together and trying to reconcile differences.";
    Skill "Instructing" "instructing" ["teaching", "training others", "coaching"]
        "Teaching others how to do something.";
    Skill "Service Orientation" "service-orientation" ["helping people", "helping others"]
        "Actively looking for ways to help people.";
    Skill "Complex Problem Solving" "complex-problem-solving" ["problem solving", "solving problems"]
        "Identifying complex problems and reviewing related information to develop and evaluate options and implement solutions.";
    Skill "Operations Analysis" "operations-analysis" ["requirements analysis", "analysing needs", "analyzing needs"]
        "Analyzing needs and product requirements to create a design.";
    Skill "Technology Design" "technology-design" ["designing equipment", "inventing"]
        "Generating or adapting equipment and technology to serve user needs.";
    Skill "Equipment Selection" "equipment-selection" ["choosing tools", "choosing equipment"]
        "Determining the kind of tools and equipment needed to do a job.";
    Skill "Installation" "installation" ["installing", "installing equipment"]
        "Installing equipment, machines, wiring, or programs to meet specifications.";
    Skill "Programming" "programming" ["coding", "writing code", "computer programming", "software development"]
        "Writing computer programs for various purposes.";
    Skill "Operations Monitoring" "operations-monitoring" ["watching gauges", "monitoring machines"]
        "Watching gauges, dials, or other indicators to make sure a machine is working properly.";
    Skill "Operation and Control" "operation-and-control" ["operating machines", "operating equipment", "controlling machines"]
        "Controlling operations of equipment or systems.";
    Skill "Equipment Maintenance" "equipment-maintenance" ["maintenance", "servicing equipment", "maintaining machines"]
        "Performing routine maintenance on equipment and determining when and what kind of maintenance is needed.";
    Skill "Troubleshooting" "troubleshooting" ["diagnosing problems", "finding faults", "fault finding"]
        "Determining causes of operating errors and deciding what to do about it.";
    Skill "Repairing" "repairing" ["repair", "repairs", "fixing machines", "fixing things", "mending"]
        "Repairing machines or systems using the needed tools.";
    Skill "Quality Control Analysis" "quality-control-analysis" ["quality control", "quality assurance", "inspecting products", "testing products"]
        "Conducting tests and inspections of products, services, or processes to evaluate quality or performance.";
    Skill "Judgment and Decision Making" "judgment-and-decision-making" ["decision making", "making decisions", "judgement"]
        "Considering the relative costs and benefits of potential actions to choose the most appropriate one.";
    Skill "Systems Analysis" "systems-analysis" ["systems thinking", "how systems work"]
        "Determining how a system should work and how changes in conditions, operations, and the environment will affect outcomes.";
    Skill "Systems Evaluation" "systems-evaluation" ["evaluating systems", "performance measures"]
        "Identifying measures or indicators of system performance and the actions needed to improve or correct performance, relative to the goals of the system.";
    Skill "Time Management" "time-management" ["organising time", "organizing time", "scheduling", "meeting deadlines"]
        "Managing one's own time and the time of others.";
    Skill "Management of Financial Resources" "management-of-financial-resources" ["budgeting", "budgets", "managing money", "managing budgets"]
        "Determining how money will be spent to get the work done, and accounting for these expenditures.";
    Skill "Management of Material Resources" "management-of-material-resources" ["managing supplies", "managing equipment", "managing inventory"]
        "Obtaining and seeing to the appropriate use of equipment, facilities, and materials needed to do certain work.";
    Skill "Management of Personnel Resources" "management-of-personnel-resources" ["managing people", "managing staff", "leading people", "leadership", "supervising"]
        "Motivating, developing, and directing people as they work, identifying the best people for the job.";
    Knowledge "Administration and Management" "administration-and-management" ["business management", "running a business", "business strategy"]
        "Knowledge of business and management principles involved in strategic planning, resource allocation, human resources modeling, leadership technique, production methods, and coordination of people and resources.";
    Knowledge "Administrative" "administrative" ["office work", "clerical work", "office procedures", "record keeping", "paperwork"]
        "Knowledge of administrative and office procedures and systems such as word processing, managing files and records, stenography and transcription, designing forms, and workplace terminology.";
    Knowledge "Economics and Accounting" "economics-and-accounting" ["accounting", "economics", "finance", "bookkeeping", "banking"]
        "Knowledge of economic and accounting principles and practices, the financial markets, banking, and the analysis and reporting of financial data.";
    Knowledge "Sales and Marketing" "sales-and-marketing" ["sales", "selling", "marketing", "advertising"]
        "Knowledge of principles and methods for showing, promoting, and selling products or services. This includes marketing strategy and tactics, product demonstration, sales techniques, and sales control systems.";
    Knowledge "Customer and Personal Service" "customer-and-personal-service" ["customer service", "serving customers", "client service"]
        "Knowledge of principles and processes for providing customer and personal services. This includes customer needs assessment, meeting quality standards for services, and evaluation of customer satisfaction.";
    Knowledge "Personnel and Human Resources" "personnel-and-human-resources" ["human resources", "hr", "recruiting", "hiring staff"]
        "Knowledge of principles and procedures for personnel recruitment, selection, training, compensation and benefits, labor relations and negotiation, and personnel information systems.";
    Knowledge "Production and Processing" "production-and-processing" ["manufacturing", "factory work", "production processes"]
        "Knowledge of raw materials, production processes, quality control, costs, and other techniques for maximizing the effective manufacture and distribution of goods.";
    Knowledge "Food Production" "food-production" ["farming", "agriculture", "growing food", "growing crops", "raising livestock"]
        "Knowledge of techniques and equipment for planting, growing, and harvesting food products (both plant and animal) for consumption, including storage/handling techniques.";
    Knowledge "Computers and Electronics" "computers-and-electronics" ["computers", "electronics", "computer hardware", "information technology", "computer science"]
        "Knowledge of circuit boards, processors, chips, electronic equipment, and computer hardware and software, including applications and programming.";
    Knowledge "Engineering and Technology" "engineering-and-technology" ["engineering", "applied technology"]
        "Knowledge of the practical application of engineering science and technology. This includes applying principles, techniques, procedures, and equipment to the design and production of various goods and services.";
    Knowledge "Design" "design" ["drafting", "blueprints", "technical drawing", "technical drawings"]
        "Knowledge of design techniques, tools, and principles involved in production of precision technical plans, blueprints, drawings, and models.";
    Knowledge "Building and Construction" "building-and-construction" ["construction", "building work", "carpentry"]
        "Knowledge of materials, methods, and the tools involved in the construction or repair of houses, buildings, or other structures such as highways and roads.";
    Knowledge "Mechanical" "mechanical" ["machines", "machinery", "engines", "how machines work"]
        "Knowledge of machines and tools, including their designs, uses, repair, and maintenance.";
    Knowledge "Mathematics" "mathematics-knowledge" ["algebra", "calculus", "geometry", "statistics"]
        "Knowledge of arithmetic, algebra, geometry, calculus, statistics, and their applications.";
    Knowledge "Physics" "physics" []
        "Knowledge and prediction of physical principles, laws, their interrelationships, and applications to understanding fluid, material, and atmospheric dynamics, and mechanical, electrical, atomic and sub-atomic structures and processes.";
    Knowledge "Chemistry" "chemistry" ["chemicals"]
        "Knowledge of the chemical composition, structure, and properties of substances and of the chemical processes and transformations that they undergo. This includes uses of chemicals and their interactions, danger signs, production techniques, and disposal methods.";
    Knowledge "Biology" "biology" ["plants and animals", "living things"]
        "Knowledge of plant and animal organisms, their tissues, cells, functions, interdependencies, and interactions with each other and the environment.";
    Knowledge "Psychology" "psychology" ["human behaviour", "human behavior", "mental health"]
        "Knowledge of human behavior and performance; individual differences in ability, personality, and interests; learning and motivation; psychological research methods; and the assessment and treatment of behavioral and affective disorders.";
    Knowledge "Sociology and Anthropology" "sociology-and-anthropology" ["sociology", "anthropology", "cultures", "society"]
        "Knowledge of group behavior and dynamics, societal trends and influences, human migrations, ethnicity, cultures, and their history and origins.";
    Knowledge "Geography" "geography" ["maps"]
        "Knowledge of principles and methods for describing the features of land, sea, and air masses, including their physical characteristics, locations, interrelationships, and distribution of plant, animal, and human life.";
    Knowledge "Medicine and Dentistry" "medicine-and-dentistry" ["medicine", "dentistry", "health care", "healthcare", "treating patients"]
        "Knowledge of the information and techniques needed to diagnose and treat human injuries, diseases, and deformities. This includes symptoms, treatment alternatives, drug properties and interactions, and preventive health-care measures.";
    Knowledge "Therapy and Counseling" "therapy-and-counseling" ["therapy", "counselling", "counseling", "rehabilitation"]
        "Knowledge of principles, methods, and procedures for diagnosis, treatment, and rehabilitation of physical and mental dysfunctions, and for career counseling and guidance.";
    Knowledge "Education and Training" "education-and-training" ["education", "curriculum design", "training design"]
        "Knowledge of principles and methods for curriculum and training design, teaching and instruction for individuals and groups, and the measurement of training effects.";
    Knowledge "English Language" "english-language" ["english", "grammar", "spelling"]
        "Knowledge of the structure and content of the English language including the meaning and spelling of words, and rules of composition and grammar.";
    Knowledge "Foreign Language" "foreign-language" ["foreign languages", "languages", "translation", "bilingual"]
        "Knowledge of the structure and content of a foreign (non-English) language including the meaning and spelling of words, rules of composition and grammar, and pronunciation.";
    Knowledge "Fine Arts" "fine-arts" ["art", "arts", "music", "dance", "drama", "painting"]
        "Knowledge of the theory and techniques required to compose, produce, and perform works of music, dance, visual arts, drama, and sculpture.";
    Knowledge "History and Archeology" "history-and-archeology" ["history", "archaeology", "archeology"]
        "Knowledge of historical events and their causes, indicators, and effects on civilizations and cultures.";
    Knowledge "Philosophy and Theology" "philosophy-and-theology" ["philosophy", "religion", "theology", "ethics"]
        "Knowledge of different philosophical systems and religions. This includes their basic principles, values, ethics, ways of thinking, customs, practices, and their impact on human culture.";
    Knowledge "Public Safety and Security" "public-safety-and-security" ["public safety", "security", "safety", "emergency response"]
        "Knowledge of relevant equipment, policies, procedures, and strategies to promote effective local, state, or national security operations for the protection of people, data, property, and institutions.";
    Knowledge "Law and Government" "law-and-government" ["law", "legal", "government", "regulations"]
        "Knowledge of laws, legal codes, court procedures, precedents, government regulations, executive orders, agency rules, and the democratic political process.";
    Knowledge "Telecommunications" "telecommunications" ["telecoms", "telephone systems", "broadcasting"]
        "Knowledge of transmission, broadcasting, switching, control, and operation of telecommunications systems.";
    Knowledge "Communications and Media" "communications-and-media" ["media", "journalism", "communications"]
        "Knowledge of media production, communication, and dissemination techniques and methods. This includes alternative ways to inform and entertain via written, oral, and visual media.";
    Knowledge "Transportation" "transportation" ["transport", "driving", "shipping", "logistics"]
        "Knowledge of principles and methods for moving people or goods by air, rail, sea, or road, including the relative costs and benefits.";
];

#[cfg(test)]
mod tests {
    use super::*;
    use crate::is_valid_slug;

    #[test]
    fn onet_has_35_skills_and_33_knowledge_areas() {
        let skills = WORKER_ITEMS.iter().filter(|i| i.kind == ItemKind::Skill).count();
        assert_eq!((skills, WORKER_ITEMS.len() - skills), (35, 33));
    }

    #[test]
    fn slugs_are_valid_and_unique() {
        let mut slugs: Vec<_> = WORKER_ITEMS.iter().map(|i| i.slug).collect();
        assert!(slugs.iter().all(|s| is_valid_slug(s)), "{slugs:?}");
        slugs.sort_unstable();
        slugs.dedup();
        assert_eq!(slugs.len(), WORKER_ITEMS.len());
    }

    #[test]
    fn everyday_words_are_lower_case_and_name_one_item_each() {
        let mut seen = std::collections::HashMap::new();
        for item in WORKER_ITEMS {
            for word in item.lay_words {
                assert_eq!(*word, word.to_lowercase(), "{}", item.name);
                assert_ne!(*word, item.name.to_lowercase(), "{}: the name is searched already", item.name);
                if let Some(other) = seen.insert(*word, item.name) {
                    panic!("\"{word}\" names both {other} and {}", item.name);
                }
            }
        }
    }

    #[test]
    fn items_are_found_by_kind_and_name() {
        assert_eq!(worker_item(ItemKind::Knowledge, "Mathematics").map(|i| i.slug), Some("mathematics-knowledge"));
        assert_eq!(worker_item(ItemKind::Skill, "Mathematics").map(|i| i.slug), Some("mathematics"));
        assert!(worker_item(ItemKind::Skill, "Design").is_none());
    }
}
