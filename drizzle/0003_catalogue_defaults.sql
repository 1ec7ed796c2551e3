-- Default assistance catalogue (an admin can change names, costs and add items) and budget
-- ceilings per case type, in tyiyn (1 som = 100 tyiyn).
INSERT INTO catalogue_items (code, names, unit, default_unit_cost) VALUES
  ('psychosocial_counselling', '{"en":"Psychosocial counselling","ru":"Психосоциальное консультирование","ky":"Психосоциалдык кеңеш берүү"}', 'session', 150000),
  ('food_package', '{"en":"Food package","ru":"Продуктовый набор","ky":"Азык-түлүк топтому"}', 'package', 350000),
  ('clothing', '{"en":"Clothing","ru":"Одежда","ky":"Кийим-кече"}', 'set', 300000),
  ('agricultural_equipment', '{"en":"Agricultural equipment","ru":"Сельскохозяйственный инвентарь","ky":"Айыл чарба шаймандары"}', 'item', NULL),
  ('livestock', '{"en":"Livestock","ru":"Скот","ky":"Мал"}', 'head', NULL),
  ('sewing_equipment', '{"en":"Sewing equipment","ru":"Швейное оборудование","ky":"Тигүү жабдуулары"}', 'item', 1800000),
  ('tools', '{"en":"Tools","ru":"Инструменты","ky":"Куралдар"}', 'set', NULL),
  ('vocational_training', '{"en":"Vocational training","ru":"Профессиональное обучение","ky":"Кесиптик окутуу"}', 'course', 2000000),
  ('business_grant', '{"en":"Business grant","ru":"Грант на бизнес","ky":"Бизнес грант"}', 'grant', NULL),
  ('medical_care', '{"en":"Medical care","ru":"Медицинская помощь","ky":"Медициналык жардам"}', 'item', NULL),
  ('legal_aid', '{"en":"Legal aid","ru":"Юридическая помощь","ky":"Юридикалык жардам"}', 'item', NULL),
  ('education_support', '{"en":"Education support","ru":"Поддержка образования","ky":"Билим берүүгө колдоо"}', 'item', NULL),
  ('housing_repair', '{"en":"Housing repair","ru":"Ремонт жилья","ky":"Турак жайды оңдоо"}', 'item', NULL);
--> statement-breakpoint
INSERT INTO budget_ceilings (case_type, amount) VALUES
  ('returnee_reintegration', 15000000),
  ('trafficking_survivor', 25000000),
  ('stranded_migrant', 5000000),
  ('family_reunification', 8000000),
  ('legal_assistance', 3000000);
