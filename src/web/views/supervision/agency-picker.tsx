/** The 查看机关 picker of the 监督保障 pages (shown when the user may read more than one agency). */

export type Choice = { value: string; label: string };

export function AgencyPicker({
  choices,
  current,
  action,
}: {
  choices: Choice[];
  current: number;
  action: string;
}) {
  if (choices.length < 2) return null;
  return (
    <form method="get" action={action} class="filters">
      <label for="agency-pick">查看机关</label>
      <select id="agency-pick" name="agency">
        {choices.map((o) => (
          <option value={o.value} selected={Number(o.value) === current}>
            {o.label}
          </option>
        ))}
      </select>
      <button type="submit">查看</button>
    </form>
  );
}
