// What stands for a category in lists and choices: its icon when that is an emoji, otherwise
// (no icon, or a name such as "road") the initial of its name in the reader's language.
import type { CategoryInfo } from '../../../worker/domain/api';

export function categoryGlyph(category: CategoryInfo, name: string): string {
  const icon = category.icon?.trim();
  return icon && /\P{ASCII}/u.test(icon) ? icon : name.charAt(0).toUpperCase();
}
