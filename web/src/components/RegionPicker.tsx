// Kabupaten/Kota → Kecamatan → Desa/Kelurahan: three selects, each filled from
// `GET /api/regions/:code` once its parent is chosen.
import { createSignal } from 'solid-js';
import type { RegionChildrenResponse } from '../../../worker/domain/api';
import { NTB_PROVINCE_CODE } from '../../../worker/domain/vocabulary';
import { getRegionChildren } from '../api/client';
import { createRegionList } from '../api/regions';
import type { ChosenPlace } from '../i18n/messages';
import { RegionSelect } from './RegionSelect';
import './RegionPicker.css';

export interface RegionSelection {
  regencyCode: string | null;
  districtCode: string | null;
  villageCode: string | null;
}

export interface RegionPickerProps {
  /** The starting choice; afterwards the picker keeps its own state. */
  value?: Partial<RegionSelection>;
  /** Called on every choice; `place` holds the chosen regions with their names. */
  onChange?: (selection: RegionSelection, place: ChosenPlace) => void;
  /** Where the lists come from; the API by default. */
  loadChildren?: (code: string) => Promise<RegionChildrenResponse>;
}

export function RegionPicker(props: RegionPickerProps) {
  const load = (code: string) => (props.loadChildren ?? getRegionChildren)(code);
  const initial = props.value ?? {};
  const [regencyCode, setRegencyCode] = createSignal(initial.regencyCode ?? null);
  const [districtCode, setDistrictCode] = createSignal(initial.districtCode ?? null);
  const [villageCode, setVillageCode] = createSignal(initial.villageCode ?? null);

  const regencies = createRegionList(() => NTB_PROVINCE_CODE, load);
  const districts = createRegionList(regencyCode, load);
  const villages = createRegionList(districtCode, load);

  function report() {
    props.onChange?.(
      { regencyCode: regencyCode(), districtCode: districtCode(), villageCode: villageCode() },
      {
        regency: regencies.find(regencyCode()),
        district: districts.find(districtCode()),
        village: villages.find(villageCode()),
      },
    );
  }

  return (
    <div class="region-picker">
      <RegionSelect
        level="regency"
        list={regencies}
        selected={regencyCode()}
        onSelect={(code) => {
          setRegencyCode(code);
          setDistrictCode(null);
          setVillageCode(null);
          report();
        }}
      />
      <RegionSelect
        level="district"
        list={districts}
        selected={districtCode()}
        onSelect={(code) => {
          setDistrictCode(code);
          setVillageCode(null);
          report();
        }}
      />
      <RegionSelect
        level="village"
        list={villages}
        selected={villageCode()}
        onSelect={(code) => {
          setVillageCode(code);
          report();
        }}
      />
    </div>
  );
}
