#!/usr/bin/env python3
"""Seed the `related` weights of data/taxonomy/occupations.yaml from O*NET Related Occupations.

Usage: python3 tools/onet-function-graph.py /path/to/onet [--min 0.2] [--max 0.8] [--raw]

Maintainer tool, not run by the build. It maps every O*NET-SOC code to one of our functions
(the hand-written SOC_FUNCTION table below, longest code prefix wins), counts the links of
"Related Occupations.txt" between functions (weighted by relatedness tier), normalises them as
links(f,g) / sqrt(links(f) * links(g)), scales the strongest cross-function pair to --max (by the
square root of the ratio, so the long tail of weak links stays apart from noise), rounds
to one decimal, drops pairs below --min, and prints one `related` map per function (symmetric by
construction). The printed maps are a seed: review them by hand before copying them into the yaml.

O*NET data: O*NET Database by the U.S. Department of Labor, Employment and Training
Administration (USDOL/ETA), used under the CC BY 4.0 license. This script reads the files; it
copies no O*NET rows or titles into the repository.
"""

import argparse
import csv
import math
import os
import sys
from collections import Counter, defaultdict

# SOC code prefix -> function id. Longest matching prefix wins ("15-1252" beats "15-").
SOC_FUNCTION = {
    # 11 Management
    '11-1011': 'executive', '11-1021': 'management', '11-1031': 'other',
    '11-2011': 'marketing', '11-2021': 'marketing', '11-2022': 'sales', '11-2032': 'communications',
    '11-2033': 'marketing',
    '11-3012': 'administrative', '11-3013': 'operations', '11-3013.01': 'public-safety',
    '11-3021': 'it', '11-3031': 'finance', '11-3031.01': 'accounting', '11-3051': 'manufacturing',
    '11-3061': 'supply-chain', '11-3071': 'supply-chain', '11-311': 'hr', '11-312': 'hr', '11-313': 'hr',
    '11-9013': 'agriculture', '11-9021': 'construction', '11-903': 'education', '11-9041': 'engineering',
    '11-9051': 'hospitality', '11-907': 'hospitality', '11-9081': 'hospitality', '11-9111': 'healthcare',
    '11-9121': 'science', '11-9121.01': 'healthcare', '11-9131': 'administrative', '11-9141': 'operations',
    '11-9151': 'social-services', '11-9161': 'public-safety', '11-9171': 'other', '11-9179': 'personal-care',
    '11-9199': 'management', '11-9199.01': 'legal', '11-9199.02': 'legal', '11-9199.08': 'public-safety',
    # 13 Business and financial operations
    '13-1011': 'arts-media', '13-102': 'supply-chain', '13-103': 'finance',
    '13-1041': 'legal', '13-1041.03': 'hr', '13-1041.06': 'other', '13-1041.08': 'supply-chain',
    '13-1051': 'construction', '13-1071': 'hr', '13-1074': 'agriculture', '13-1075': 'hr',
    '13-1081': 'supply-chain', '13-1082': 'project-management', '13-1111': 'consulting',
    '13-1121': 'marketing', '13-1131': 'marketing', '13-1141': 'hr', '13-1151': 'hr', '13-1161': 'marketing',
    '13-1199': 'operations', '13-1199.06': 'sales', '13-1199.07': 'public-safety',
    '13-2011': 'accounting', '13-20': 'finance', '13-2081': 'accounting', '13-2082': 'accounting',
    # 15 Computer and mathematical
    '15-1211': 'it', '15-1212': 'security', '15-1221': 'data', '15-123': 'it', '15-1241': 'it',
    '15-1242': 'it', '15-1243': 'data', '15-1244': 'it', '15-125': 'software', '15-1255': 'design',
    '15-1299': 'it', '15-1299.02': 'data', '15-1299.03': 'administrative', '15-1299.04': 'security',
    '15-1299.05': 'security', '15-1299.06': 'security', '15-1299.07': 'software', '15-1299.08': 'software',
    '15-1299.09': 'project-management',
    '15-2011': 'finance', '15-2021': 'science', '15-2031': 'data', '15-2041': 'data', '15-2041.01': 'science',
    '15-2051': 'data', '15-2051.02': 'science', '15-2099': 'data', '15-2099.01': 'science',
    # 17 Architecture and engineering
    '17-1011': 'design', '17-1012': 'design', '17-1021': 'data', '17-1022': 'construction',
    '17-2': 'engineering', '17-2112': 'manufacturing', '17-2112.01': 'engineering',
    '17-3': 'engineering', '17-3026': 'manufacturing', '17-3028': 'manufacturing',
    '17-3029.01': 'manufacturing', '17-3031': 'construction',
    # 19 Life, physical and social science
    '19-': 'science', '19-1013': 'agriculture', '19-3011': 'finance', '19-3022': 'data', '19-3032': 'hr',
    '19-3033': 'healthcare', '19-3034': 'healthcare', '19-3039': 'healthcare', '19-3051': 'other',
    '19-3099.01': 'supply-chain', '19-4012': 'agriculture', '19-5': 'operations',
    # 21 Community and social service
    '21-': 'social-services', '21-1012': 'education', '21-1091': 'healthcare', '21-1092': 'public-safety',
    '21-1094': 'healthcare',
    # 23 Legal; 25 Education; 27 Arts, design, entertainment, sports and media
    '23-': 'legal', '25-': 'education',
    '27-1011': 'design', '27-1012': 'arts-media', '27-1013': 'arts-media', '27-1014': 'design',
    '27-1019': 'arts-media', '27-102': 'design', '27-1026': 'marketing',
    '27-2': 'arts-media', '27-2021': 'personal-care', '27-2022': 'personal-care', '27-2023': 'personal-care',
    '27-3': 'communications', '27-3092': 'administrative', '27-4': 'arts-media',
    # 29 and 31 Healthcare practitioners and support
    '29-': 'healthcare', '31-': 'healthcare',
    # 33 Protective service; 35 Food preparation and serving
    '33-': 'public-safety', '35-': 'hospitality',
    # 37 Building and grounds cleaning and maintenance
    '37-1011': 'operations', '37-1012': 'agriculture', '37-2': 'operations', '37-3': 'agriculture',
    # 39 Personal care and service
    '39-1013': 'hospitality', '39-1014': 'hospitality', '39-1022': 'personal-care', '39-2': 'other',
    '39-3': 'hospitality', '39-3021': 'arts-media', '39-4': 'other', '39-5': 'personal-care',
    '39-6': 'hospitality', '39-7': 'hospitality', '39-9011': 'education', '39-9031': 'personal-care',
    '39-9032': 'social-services', '39-9041': 'social-services', '39-9099': 'personal-care',
    # 41 Sales
    '41-': 'sales', '41-2012': 'hospitality', '41-3031': 'finance', '41-3041': 'administrative',
    '41-9011': 'marketing', '41-9012': 'arts-media',
    # 43 Office and administrative support
    '43-': 'administrative', '43-3011': 'finance', '43-3021': 'accounting', '43-3031': 'accounting',
    '43-3041': 'hospitality', '43-3051': 'accounting', '43-3061': 'supply-chain', '43-3071': 'finance',
    '43-3099': 'accounting', '43-4011': 'finance', '43-4031': 'legal', '43-4041': 'finance',
    '43-4051': 'customer-support', '43-4081': 'hospitality', '43-4121': 'education', '43-4131': 'finance',
    '43-4141': 'finance', '43-4161': 'hr', '43-4181': 'hospitality', '43-5011': 'supply-chain',
    '43-5021': 'supply-chain', '43-5031': 'public-safety', '43-5032': 'supply-chain', '43-5041': 'operations',
    '43-5052': 'supply-chain', '43-5061': 'supply-chain', '43-5071': 'supply-chain', '43-5111': 'supply-chain',
    '43-6012': 'legal', '43-6013': 'healthcare', '43-9031': 'design', '43-9041': 'finance',
    '43-9081': 'communications',
    # 45 Farming, fishing and forestry; 47 Construction and extraction
    '45-': 'agriculture', '47-': 'construction', '47-4021': 'maintenance-repair',
    # 49 Installation, maintenance and repair
    '49-': 'maintenance-repair', '49-2011': 'it', '49-2021': 'it', '49-2022': 'it', '49-9051': 'construction',
    '49-9052': 'it',
    # 51 Production
    '51-': 'manufacturing', '51-3011': 'hospitality', '51-3021': 'hospitality', '51-4121': 'construction',
    '51-6092': 'design', '51-9081': 'healthcare', '51-9082': 'healthcare', '51-9083': 'healthcare',
    # 53 Transportation and material moving
    '53-': 'supply-chain', '53-1044': 'hospitality', '53-2011': 'other', '53-2012': 'other',
    '53-2021': 'other', '53-2022': 'other', '53-2031': 'hospitality', '53-6021': 'hospitality',
    '53-6032': 'other', '53-6061': 'hospitality', '53-7061': 'operations', '53-7081': 'operations',
    # 55 Military
    '55-': 'public-safety',
}

TIER_WEIGHT = {'Primary-Short': 2.0, 'Primary-Long': 1.5, 'Supplemental': 1.0}


def soc_function(code):
    """The function of an O*NET-SOC code ("15-1252.00"), by longest prefix; None if unmapped."""
    for n in range(len(code), 0, -1):
        f = SOC_FUNCTION.get(code[:n])
        if f:
            return f
    return None


def read_tsv(path):
    with open(path, encoding='utf-8', newline='') as fh:
        return list(csv.DictReader(fh, delimiter='\t', quoting=csv.QUOTE_NONE))


def main():
    ap = argparse.ArgumentParser(description=__doc__.split('\n\n')[0])
    ap.add_argument('onet_dir')
    ap.add_argument('--min', type=float, default=0.2, help='drop pairs below this weight')
    ap.add_argument('--max', type=float, default=0.8, help='weight of the strongest cross-function pair')
    ap.add_argument('--scale', choices=['sqrt', 'linear'], default='sqrt',
                    help='sqrt (default) spreads the long tail of weak links; linear keeps ratios')
    ap.add_argument('--raw', action='store_true', help='also print raw link counts per pair')
    args = ap.parse_args()

    occupations = read_tsv(os.path.join(args.onet_dir, 'Occupation Data.txt'))
    unmapped = [o['O*NET-SOC Code'] for o in occupations if not soc_function(o['O*NET-SOC Code'])]
    if unmapped:
        print(f'# unmapped SOC codes: {" ".join(unmapped)}', file=sys.stderr)
    per_function = Counter(soc_function(o['O*NET-SOC Code']) for o in occupations)

    pair = Counter()   # unordered cross-function pair -> weighted links
    total = Counter()  # function -> weighted link endpoints (within and across functions)
    for row in read_tsv(os.path.join(args.onet_dir, 'Related Occupations.txt')):
        f = soc_function(row['O*NET-SOC Code'])
        g = soc_function(row['Related O*NET-SOC Code'])
        if not f or not g:
            continue
        w = TIER_WEIGHT.get(row['Relatedness Tier'], 1.0)
        total[f] += w
        total[g] += w
        if f != g:
            pair[tuple(sorted((f, g)))] += w

    score = {p: n / math.sqrt(total[p[0]] * total[p[1]]) for p, n in pair.items()}
    top = max(score.values())
    related = defaultdict(dict)
    for (f, g), s in score.items():
        r = s / top
        w = round((math.sqrt(r) if args.scale == 'sqrt' else r) * args.max, 1)
        if w >= args.min:
            related[f][g] = w
            related[g][f] = w

    print(f'# {len(occupations)} occupations, {sum(pair.values()):.0f} weighted cross-function links; '
          f'strongest pair scaled to {args.max}')
    for f in sorted(per_function):
        items = sorted(related[f].items(), key=lambda kv: (-kv[1], kv[0]))
        body = ', '.join(f'{g}: {w}' for g, w in items)
        print(f'  - {{id: {f}, occupations: {per_function[f]}, related: {{{body}}}}}')
    if args.raw:
        print('# raw weighted links (pair, links, normalised)')
        for (f, g), n in sorted(pair.items(), key=lambda kv: -score[kv[0]]):
            print(f'#   {f} ~ {g}: {n:.1f} {score[(f, g)]:.3f}')


if __name__ == '__main__':
    main()
