/** Reusable pieces of the patrimoine (the Patrimoine page and the contract wizard's perimeter steps). */
export { AssetIcon, assetColor } from './AssetIcon';
export { AssetSearch, type TreeSearchHit } from './AssetSearch';
export { AssetTree } from './AssetTree';
export {
  childKindsOf,
  formatCount,
  isEquipmentType,
  isGeoLevel,
  levelLabel,
  orderedCounts,
  topCounts,
  typeCountLabel,
  typeLabel,
} from './asset-types';
export { TotalsOverview } from './TotalsOverview';
export { TypeCountChips } from './TypeCountChips';
export { type AssetTreeState, type TreeRow, useAssetTree } from './use-asset-tree';
export { useAssetTotals, useTreeSearch } from './use-assets';
