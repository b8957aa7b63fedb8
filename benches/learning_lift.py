"""Lift from learning on a file's own ratings, measured on data/eval/ (es.csv, en.csv, and the
real sentences of uci_en.csv's test half, by source).

For each language and 5 seeds, 60% of the labelled comments get a rating made from their label
(pos 5, neg 1, neu and mixed 3); `curva score --rating-column` then learns from them, and the
binary macro-F1 of the text valence is measured on the other 40% (unrated pos/neg comments),
against the lexicon alone. The ratings here are clean, so real survey ratings will give less.

Run from the repository root after `cargo build --release`: python3 benches/learning_lift.py
"""
import csv, subprocess, random, sys, io
def f1(pairs):
    labs=['neg','pos']; out=[]
    for l in labs:
        tp=sum(1 for g,p in pairs if g==l and p==l); fp=sum(1 for g,p in pairs if g!=l and p==l); fn=sum(1 for g,p in pairs if g==l and p!=l)
        pr=tp/(tp+fp) if tp+fp else 0; rc=tp/(tp+fn) if tp+fn else 0
        out.append(2*pr*rc/(pr+rc) if pr+rc else 0)
    return sum(out)/2
# (name, file, only the rows whose columns have these values): the project's own sets, then the
# real review sentences of uci_en.csv, one source at a time, from its `test` half only (the
# shipped model is trained on the `dev` half, which would flatter the engine alone).
SETS=[('es','data/eval/es.csv',{}),('en','data/eval/en.csv',{})]+[
    (f'uci_en {s}','data/eval/uci_en.csv',{'source':s,'split':'test'}) for s in ('amazon','yelp','imdb')]
for lang,path,only in SETS:
    rows=[r for r in csv.DictReader(open(path,encoding='utf-8')) if all(r[k]==v for k,v in only.items())]
    res=[]
    for seed in range(5):
        rnd=random.Random(seed); rated=set()
        for i,r in enumerate(rows):
            if rnd.random()<0.6: rated.add(i)
        with open('/tmp/curva_lift_in.csv','w',encoding='utf-8',newline='') as f:
            w=csv.writer(f); w.writerow(['text','rating'])
            for i,r in enumerate(rows):
                rating=''
                if i in rated:
                    rating={'pos':'5','neg':'1','neu':'3','mixed':'3'}[r['label']]
                w.writerow([r['text'],rating])
        out=subprocess.run(['./target/release/curva','score','/tmp/curva_lift_in.csv','--text-column','text','--rating-column','rating','--rating-scale','1-5'],capture_output=True,text=True)
        lex=subprocess.run(['./target/release/curva','score','/tmp/curva_lift_in.csv','--text-column','text'],capture_output=True,text=True)
        L=list(csv.DictReader(io.StringIO(out.stdout))); X=list(csv.DictReader(io.StringIO(lex.stdout)))
        test=[i for i,r in enumerate(rows) if i not in rated and r['label'] in ('pos','neg')]
        m=f1([(rows[i]['label'],'neg' if float(L[i]['text_valence'])<0 else 'pos') for i in test])
        x=f1([(rows[i]['label'],'neg' if float(X[i]['text_valence'])<0 else 'pos') for i in test])
        res.append((x,m)); print(lang,seed,len(test),round(x,3),round(m,3),out.stderr.strip()[:120])
    print(lang,'mean lexicon',round(sum(a for a,b in res)/5,3),'learned',round(sum(b for a,b in res)/5,3))
