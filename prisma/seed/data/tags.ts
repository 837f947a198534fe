import type { RegionSlug, SeedTag, TopicSlug } from "../types";

export const topics: readonly SeedTag<TopicSlug>[] = [
  { slug: "security", nameKo: "안보", nameEn: "Security" },
  { slug: "diplomacy", nameKo: "외교", nameEn: "Diplomacy" },
  { slug: "economy-trade", nameKo: "경제·통상", nameEn: "Economy and Trade" },
  { slug: "energy", nameKo: "에너지", nameEn: "Energy" },
  { slug: "technology", nameKo: "과학기술", nameEn: "Technology" },
  { slug: "climate", nameKo: "기후변화", nameEn: "Climate Change" },
  { slug: "development", nameKo: "개발협력", nameEn: "Development Cooperation" },
];

export const regions: readonly SeedTag<RegionSlug>[] = [
  { slug: "north-korea", nameKo: "북한", nameEn: "North Korea" },
  { slug: "russia", nameKo: "러시아", nameEn: "Russia" },
  { slug: "china", nameKo: "중국", nameEn: "China" },
  { slug: "united-states", nameKo: "미국", nameEn: "United States" },
  { slug: "japan", nameKo: "일본", nameEn: "Japan" },
  { slug: "europe", nameKo: "유럽", nameEn: "Europe" },
  { slug: "southeast-asia", nameKo: "동남아시아·아세안", nameEn: "Southeast Asia and ASEAN" },
  { slug: "middle-east", nameKo: "중동", nameEn: "Middle East" },
];
