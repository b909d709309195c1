// Driving a <select> the way a user does, and reading what the user sees in it.
import { fireEvent, waitFor, within } from '@solidjs/testing-library';
import { expect } from 'vitest';

export const optionTexts = (select: HTMLSelectElement) =>
  within(select)
    .queryAllByRole('option')
    .map((option) => option.textContent);

export const choose = (select: HTMLSelectElement, value: string) =>
  fireEvent.change(select, { target: { value } });

export const enabled = (select: HTMLSelectElement) =>
  waitFor(() => expect(select.disabled).toBe(false));
